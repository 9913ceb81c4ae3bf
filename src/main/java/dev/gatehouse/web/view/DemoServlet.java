package dev.gatehouse.web.view;

import dev.gatehouse.application.lifecycle.DemoSetup;
import dev.gatehouse.application.lifecycle.DemoSetup.DemoCredentials;
import dev.gatehouse.infrastructure.config.GatehouseConfig;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.pkce.Pkce;
import dev.gatehouse.protocol.support.ConstantTime;
import dev.gatehouse.protocol.support.RandomTokens;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/**
 * The demo client, served by Gatehouse itself on the embedded default (the seed's callback, done right):
 * {@code /demo/start} sends the browser to the authorization endpoint with {@code state} and a PKCE S256 challenge;
 * {@code /demo/callback} checks {@code state} and {@code iss} (RFC 9207 §2.4), redeems the code at the token endpoint
 * with the demo client's secret, and shows the token response.
 */
@WebServlet({"/demo/start", "/demo/callback"})
public class DemoServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String STATE = "gatehouse.demo.state";
  private static final String VERIFIER = "gatehouse.demo.verifier";

  @Inject transient DemoSetup demo;
  @Inject transient GatehouseConfig config;
  @Inject transient DemoTokenClient tokenClient;

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
    HttpSession session = request.getSession(true);
    String state = RandomTokens.generate();
    String verifier = RandomTokens.generate();
    session.setAttribute(STATE, state);
    session.setAttribute(VERIFIER, verifier);
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
    HttpSession session = request.getSession(false);
    String expectedState = session == null ? null : (String) session.getAttribute(STATE);
    String verifier = session == null ? null : (String) session.getAttribute(VERIFIER);
    request.setAttribute("error", request.getParameter("error"));
    request.setAttribute("errorDescription", request.getParameter("error_description"));
    if (!ConstantTime.equals(request.getParameter("state"), expectedState)) {
      request.setAttribute("problem", "The state does not match the one this browser sent: start again.");
    } else if (!config.issuer().equals(request.getParameter("iss"))) {
      request.setAttribute("problem", "The iss parameter is not this server's issuer (RFC 9207).");
    } else if (request.getParameter("code") != null) {
      session.removeAttribute(STATE);
      session.removeAttribute(VERIFIER);
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
