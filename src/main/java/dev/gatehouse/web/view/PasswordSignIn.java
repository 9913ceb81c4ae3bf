package dev.gatehouse.web.view;

import dev.gatehouse.application.signin.LoginThrottleService;
import dev.gatehouse.application.signin.SignInCapacity;
import dev.gatehouse.application.signin.UserAuthenticationService;
import dev.gatehouse.application.signin.UserAuthenticationService.AuthenticatedUser;
import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.login.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One sign-in attempt with a username and password, for every form that signs a user in (the authorization flow's
 * {@link LoginServlet} and the admin console's sign-in page), so that both get the same protection and the same SSO
 * session. Passwords are never logged.
 *
 * <p>The work an anonymous caller can make is bounded, cheapest refusal first:
 * <ol>
 *   <li>a password check needs a permit of {@link SignInCapacity}; without one, 429 at once (no database, no hash);
 *   <li>a locked client address is refused before any password or directory work, and not counted or recorded
 *       again (its lockout was), so a flood from one address costs two indexed reads per attempt;
 *   <li>an account whose failures earned a wait is answered at once with how long to wait ({@link
 *       LoginThrottle.Verdict#waitAt}): nothing sleeps on a request thread;
 *   <li>a locked account is refused after the same work as a wrong password (the dummy check of {@link
 *       UserAuthenticationService#refuse}), so that the answer and its timing do not tell whether it exists;
 *   <li>otherwise the identity stores check the password.
 * </ol>
 * The client address is the TCP peer ({@link #clientAddress}), never a header a client can set.
 */
@ApplicationScoped
public class PasswordSignIn {
  private static final SafeLog LOG = SafeLog.of(PasswordSignIn.class);
  /** No username or password is longer; a longer one counts as missing. */
  public static final int MAX_FIELD = 1024;
  /** What a caller without a permit is told to wait. */
  static final Duration BUSY_RETRY = Duration.ofSeconds(1);

  /** What came of an attempt. */
  public enum Outcome {
    /** The user is signed in: the SSO cookie is set and the CSRF key rotated. */
    SIGNED_IN,
    /** Wrong, missing, locked or disabled: one answer for all, so that none can be told from another. */
    REFUSED,
    /** The account's last failures earned a wait that has not passed: try again after {@link Attempt#retryAfter}. */
    TOO_SOON,
    /** This client address is locked after too many failures, until {@link Attempt#retryAfter} has passed. */
    ADDRESS_LOCKED,
    /** Every permit to check a password is taken: try again in a moment. */
    BUSY
  }

  /** An attempt's outcome, and for a 429 how long the caller should wait. */
  public record Attempt(Outcome outcome, Duration retryAfter) {
    static Attempt of(Outcome outcome) {
      return new Attempt(outcome, Duration.ZERO);
    }

    /** The same answer, once {@code held} of its wait has passed ({@link SignInTarpit}). */
    public Attempt after(Duration held) {
      Duration left = retryAfter.minus(held);
      return new Attempt(outcome, left.isNegative() ? Duration.ZERO : left);
    }

    /** Whole seconds for {@code Retry-After}, at least one. */
    public long retryAfterSeconds() {
      return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
  }

  @Inject UserAuthenticationService users;
  @Inject LoginThrottleService throttle;
  @Inject SignInCapacity capacity;
  @Inject SsoCookies sso;
  @Inject Clock clock;

  /** Checks the form's {@code username} and {@code password} fields and, if they are right, signs the user in. */
  public Attempt attempt(HttpServletRequest request, HttpServletResponse response) {
    String username = field(request, "username");
    String password = field(request, "password");
    if (username.isEmpty() || password.isEmpty()) {
      return Attempt.of(Outcome.REFUSED);
    }
    String address = clientAddress(request);
    Optional<SignInCapacity.Permit> permit = capacity.tryAcquire();
    if (permit.isEmpty()) {
      return new Attempt(Outcome.BUSY, BUSY_RETRY);
    }
    Optional<AuthenticatedUser> user;
    try {
      LoginThrottle.Verdict verdict = throttle.verdict(username, address);
      Instant now = clock.instant();
      if (verdict.addressLockedAt(now)) {
        return new Attempt(Outcome.ADDRESS_LOCKED, Duration.between(now, verdict.addressLockedUntil()));
      }
      Duration wait = verdict.waitAt(now);
      if (!wait.isZero()) {
        return new Attempt(Outcome.TOO_SOON, wait);
      }
      user = verdict.accountLocked() ? users.refuse(username, password) : users.authenticate(username, password);
    } finally {
      permit.get().close();
    }
    if (user.isEmpty()) {
      throttle.failed(username, address);
      return Attempt.of(Outcome.REFUSED);
    }
    throttle.succeeded(username);
    sso.signIn(request, response, user.get().subject(), user.get().username());
    LOG.info("sign-in succeeded for subject {}", user.get().subject());
    return Attempt.of(Outcome.SIGNED_IN);
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
}
