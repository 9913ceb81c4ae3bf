package dev.gatehouse.web.view;

import dev.gatehouse.application.LoginThrottleService;
import dev.gatehouse.application.UserAuthenticationService;
import dev.gatehouse.application.UserAuthenticationService.AuthenticatedUser;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.login.LoginThrottle;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The sign-in page for a parked authorization request. On success the session id changes and the request resumes;
 * on failure the same page and message whatever was wrong (no username enumeration). Passwords are never logged.
 *
 * <p>Sign-in protection ({@link LoginThrottleService}): an attempt first waits the delay its account's failures have
 * earned, with no transaction or connection held; an attempt on a locked account or from a locked address is then
 * refused with the same page, message and hash work as a wrong password, without its password being checked. The
 * client address is the TCP peer ({@link #clientAddress}), never a header a client can set.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(LoginServlet.class.getName());
  private static final int MAX_FIELD = 1024;

  @Inject transient UserAuthenticationService users;
  @Inject transient LoginThrottleService throttle;
  @Inject transient AuthorizationFlow flow;
  @Inject transient SsoCookies sso;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    // OpenID Connect Core §3.1.2.1: login_hint "MAY" prefill the sign-in form.
    String id = request.getParameter("request");
    String hint = PendingAuthorizations.find(request, id)
        .map(p -> p.parameters().getOrDefault("login_hint", List.of()))
        .filter(values -> values.size() == 1 && values.get(0).length() <= MAX_FIELD)
        .map(values -> values.get(0))
        .orElse("");
    show(request, response, id, hint, false);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String id = request.getParameter("request");
    if (!Csrf.valid(request)) {
      Pages.error(request, response, 403, OAuthErrorCode.ACCESS_DENIED,
          "The form has expired. Go back to the application and start again.");
      return;
    }
    String username = field(request, "username");
    String password = field(request, "password");
    if (username.isEmpty() || password.isEmpty()) {
      show(request, response, id, username, true);
      return;
    }
    String address = clientAddress(request);
    LoginThrottle.Verdict verdict = throttle.verdict(username, address);
    if (!pause(verdict.delay())) {
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    Optional<AuthenticatedUser> user = verdict.locked() ? users.refuse(username, password)
        : users.authenticate(username, password);
    if (user.isEmpty()) {
      throttle.failed(username, address);
      show(request, response, id, username, true);
      return;
    }
    throttle.succeeded(username);
    sso.signIn(request, response, user.get().subject(), user.get().username());
    LOG.info(() -> "sign-in succeeded for subject " + user.get().subject());
    response.sendRedirect(request.getContextPath() + "/oauth2/authorize/resume?request="
        + URLEncoder.encode(id, StandardCharsets.UTF_8));
  }

  private void show(HttpServletRequest request, HttpServletResponse response, String id, String username,
      boolean failed) throws ServletException, IOException {
    if (PendingAuthorizations.find(request, id).isEmpty()) {
      Pages.error(request, response, 400, OAuthErrorCode.INVALID_REQUEST,
          "This sign-in request has expired. Go back to the application and start again.");
      return;
    }
    response.setStatus(failed ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_OK);
    request.setAttribute("requestId", id);
    request.setAttribute("username", username);
    request.setAttribute("failed", failed);
    request.setAttribute("csrf", Csrf.token(request));
    Pages.render(request, response, "login");
  }

  /**
   * The address that failures are counted against: the TCP peer. Behind a reverse proxy that is the proxy, unless the
   * server is told to trust the proxy's forwarding header (Payara: the http-listener's {@code
   * forwarded-header-enabled}); a header the client sends is never read here, or anyone could pick their own address.
   */
  static String clientAddress(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    return address == null ? "" : address;
  }

  /** Waits before answering; false if the thread was interrupted (the server is stopping). */
  private static boolean pause(Duration delay) {
    if (delay.isZero()) {
      return true;
    }
    try {
      Thread.sleep(delay.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String field(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    return values == null || values.length != 1 || values[0].length() > MAX_FIELD ? "" : values[0];
  }
}
