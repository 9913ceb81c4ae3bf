package dev.gatehouse.web.view;

import dev.gatehouse.application.keys.SigningKeys;
import dev.gatehouse.application.lifecycle.DemoSetup;
import dev.gatehouse.application.lifecycle.DemoSetup.DemoCredentials;
import dev.gatehouse.infrastructure.config.GatehouseConfig;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.pkce.Pkce;
import dev.gatehouse.protocol.support.ConstantTime;
import dev.gatehouse.protocol.support.RandomTokens;
import dev.gatehouse.protocol.support.Seal;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo client, served by Gatehouse itself on the embedded default (the seed's callback, done right):
 * {@code /demo/start} sends the browser to the authorization endpoint with {@code state} and a PKCE S256 challenge;
 * {@code /demo/callback} checks {@code state} and {@code iss} (RFC 9207 §2.4), redeems the code at the token endpoint
 * with the demo client's secret, and shows the token response. Between the two, {@code state} and the PKCE verifier
 * travel in the cookie {@value #COOKIE} (path {@code /demo}), sealed ({@link Seal}) for {@link #LIFETIME}, as a
 * relying party's own library keeps them; Gatehouse keeps no HTTP session for it.
 */
@WebServlet({"/demo/start", "/demo/callback"})
public class DemoServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String COOKIE = "GATEHOUSE_DEMO_STATE";
  static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final String PATH = "/demo";
  private static final String STATE = "state";
  private static final String VERIFIER = "verifier";

  @Inject transient DemoSetup demo;
  @Inject transient GatehouseConfig config;
  @Inject transient DemoTokenClient tokenClient;
  @Inject transient SigningKeys keys;
  @Inject transient Clock clock;
  @Inject transient BrowserCookies cookies;
  private transient Seal seal;

  @Override
  public void init() {
    seal = new Seal(keys.derivedKey("demo client v1"), "gatehouse-demo+jwt", LIFETIME, clock);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Optional<DemoCredentials> credentials = demo.credentials();
    if (credentials.isEmpty()) {
      Pages.error(request, response, 404, OAuthErrorCode.INVALID_REQUEST, "The demo runs on the embedded default only.");
    } else if (request.getServletPath().endsWith("/start")) {
      start(request, response, credentials.get());
    } else {
      callback(request, response, credentials.get());
    }
  }

  private void start(HttpServletRequest request, HttpServletResponse response, DemoCredentials credentials)
      throws IOException {
    String state = RandomTokens.generate();
    String verifier = RandomTokens.generate();
    response.addCookie(cookies.make(request, COOKIE, seal.close(Map.of(STATE, state, VERIFIER, verifier)), -1, PATH));
    response.sendRedirect(request.getContextPath() + "/oauth2/authorize?response_type=code"
        + "&client_id=" + credentials.clientId()
        + "&redirect_uri=" + enc(demo.callbackUri())
        + "&scope=" + enc("openid profile email")
        + "&state=" + state
        + "&nonce=" + RandomTokens.generate()
        + "&code_challenge=" + Pkce.s256(verifier) + "&code_challenge_method=S256"
        + prompt(request.getParameter("prompt")));
  }

  private void callback(HttpServletRequest request, HttpServletResponse response, DemoCredentials credentials)
      throws ServletException, IOException {
    List<String> sealed = BrowserCookies.values(request, COOKIE);
    Map<String, Object> started = sealed.size() == 1
        ? seal.open(sealed.get(0)).map(Seal.Opened::content).orElse(Map.of()) : Map.of();
    String expectedState = started.get(STATE) instanceof String s ? s : null;
    String verifier = started.get(VERIFIER) instanceof String v ? v : null;
    request.setAttribute("error", request.getParameter("error"));
    request.setAttribute("errorDescription", request.getParameter("error_description"));
    if (!ConstantTime.equals(request.getParameter("state"), expectedState)) {
      request.setAttribute("problem", "The state does not match the one this browser sent: start again.");
    } else if (!config.issuer().equals(request.getParameter("iss"))) {
      request.setAttribute("problem", "The iss parameter is not this server's issuer (RFC 9207).");
    } else if (request.getParameter("code") != null) {
      response.addCookie(cookies.make(request, COOKIE, "", 0, PATH)); // used once
      DemoTokenClient.Result result = tokenClient.redeem(request, credentials, request.getParameter("code"), verifier,
          demo.callbackUri());
      request.setAttribute("tokenStatus", result.status());
      request.setAttribute("tokenResponse", result.body());
    }
    Pages.render(request, response, "demo");
  }

  /** {@code /demo/start?prompt=consent} (or {@code login}) shows that page again even when it is not needed. */
  private static String prompt(String prompt) {
    return "consent".equals(prompt) || "login".equals(prompt) ? "&prompt=" + prompt : "";
  }

  private static String enc(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
