package dev.gatehouse.web.view;

import dev.gatehouse.application.LoginThrottleService;
import dev.gatehouse.application.UserAuthenticationService;
import dev.gatehouse.application.UserAuthenticationService.AuthenticatedUser;
import dev.gatehouse.protocol.login.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One sign-in attempt with a username and password, for every form that signs a user in (the authorization flow's
 * {@link LoginServlet} and the admin console's sign-in page), so that both get the same protection and the same SSO
 * session. Passwords are never logged.
 *
 * <p>Sign-in protection ({@link LoginThrottleService}): an attempt first waits the delay its account's failures have
 * earned, with no transaction or connection held; an attempt on a locked account or from a locked address is then
 * refused with the same answer and hash work as a wrong password, without its password being checked. The client
 * address is the TCP peer ({@link #clientAddress}), never a header a client can set.
 */
@ApplicationScoped
public class PasswordSignIn {
  private static final Logger LOG = Logger.getLogger(PasswordSignIn.class.getName());
  /** No username or password is longer; a longer one counts as missing. */
  public static final int MAX_FIELD = 1024;

  /** What came of an attempt. */
  public enum Outcome {
    /** The user is signed in: the SSO cookie is set and the HTTP session has a new id. */
    SIGNED_IN,
    /** Wrong, missing, locked or disabled: one answer for all, so that none can be told from another. */
    REFUSED,
    /** The server is stopping (the delay was interrupted): answer 503. */
    INTERRUPTED
  }

  @Inject UserAuthenticationService users;
  @Inject LoginThrottleService throttle;
  @Inject SsoCookies sso;

  /** Checks the form's {@code username} and {@code password} fields and, if they are right, signs the user in. */
  public Outcome attempt(HttpServletRequest request, HttpServletResponse response) {
    String username = field(request, "username");
    String password = field(request, "password");
    if (username.isEmpty() || password.isEmpty()) {
      return Outcome.REFUSED;
    }
    String address = clientAddress(request);
    LoginThrottle.Verdict verdict = throttle.verdict(username, address);
    if (!pause(verdict.delay())) {
      return Outcome.INTERRUPTED;
    }
    Optional<AuthenticatedUser> user = verdict.locked() ? users.refuse(username, password)
        : users.authenticate(username, password);
    if (user.isEmpty()) {
      throttle.failed(username, address);
      return Outcome.REFUSED;
    }
    throttle.succeeded(username);
    sso.signIn(request, response, user.get().subject(), user.get().username());
    LOG.info(() -> "sign-in succeeded for subject " + user.get().subject());
    return Outcome.SIGNED_IN;
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

  /** A form field sent exactly once and not too long, or "". */
  public static String field(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    return values == null || values.length != 1 || values[0].length() > MAX_FIELD ? "" : values[0];
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
}
