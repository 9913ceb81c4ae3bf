package dev.gatehouse.protocol.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The sign-in throttling policy (NIST SP 800-63B §5.2.2: the verifier "SHALL implement a rate-limiting mechanism that
 * effectively limits failed authentication attempts"; OWASP Authentication Cheat Sheet, "Account Lockout").
 *
 * <ul>
 *   <li>Each failure of an account within the window makes the next attempt wait before it is answered: nothing for
 *       the first two, then 1 s, 2 s, 4 s and so on, capped at {@link ThrottleSettings#maxDelay()}. The wait applies to
 *       a right password too, so that guessing stays slow.
 *   <li>{@link ThrottleSettings#accountMaxFailures()} failures of an account within the window lock it for
 *       {@link ThrottleSettings#lockout()}; each further lockout in a row doubles that, up to
 *       {@link ThrottleSettings#maxLockout()}. A window without a failure after a lockout forgets the series.
 *   <li>A client address has its own, higher limit ({@link ThrottleSettings#addressMaxFailures()}), so that one
 *       address cannot try a few passwords against each of many accounts (password spraying).
 *   <li>While a key is locked, every attempt is refused, even with the right password, and is not counted: an
 *       attacker cannot lengthen a lockout by hammering it.
 *   <li>A successful sign-in forgets the account's failures (but not the address's: otherwise an attacker with one
 *       account of their own could reset their address between guesses).
 * </ul>
 *
 * <p>The trade-off: a lockout keyed by the account lets anyone lock that account out (a denial of service), so the
 * lockout is short and capped, and the per-address limit stops one address from locking many accounts. A
 * distributed attacker can still keep one chosen account locked for as long as they keep trying, a lockout at a
 * time; that is the price of a lockout at all, and the cap bounds how long each single one lasts.
 */
public final class LoginThrottle {
  private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  private static final int FREE_FAILURES = 2;

  private final ThrottleSettings settings;
  private final Clock clock;

  public LoginThrottle(ThrottleSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What to do with an attempt before its password is looked at. */
  public record Verdict(boolean locked, Duration delay) {}

  /** The verdict for an attempt, from the counters of its account and its address (absent when never failed). */
  public Verdict verdict(Optional<FailureCounter> account, Optional<FailureCounter> address) {
    Instant now = clock.instant();
    boolean locked = account.map(c -> c.lockedAt(now)).orElse(false)
        || address.map(c -> c.lockedAt(now)).orElse(false);
    int failures = account.map(c -> current(c, now).failures()).orElse(0);
    return new Verdict(locked, delayAfter(failures));
  }

  /** The wait before answering an attempt of an account that has failed {@code failures} times in the window. */
  public Duration delayAfter(int failures) {
    if (failures < FREE_FAILURES) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - FREE_FAILURES, 30);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
  }

  /** The counter after one more failure of {@code kind}; unchanged while locked. */
  public FailureCounter failed(ThrottleKey.Kind kind, Optional<FailureCounter> counter) {
    Instant now = clock.instant();
    FailureCounter c = counter.map(x -> current(x, now)).orElseGet(() -> FailureCounter.none(now));
    if (c.lockedAt(now)) {
      return c;
    }
    int failures = c.failures() + 1;
    int limit = kind == ThrottleKey.Kind.ACCOUNT ? settings.accountMaxFailures() : settings.addressMaxFailures();
    if (failures < limit) {
      return new FailureCounter(failures, c.windowStart(), c.lockedUntil(), c.lockouts());
    }
    int lockouts = c.lockouts() + 1;
    Instant until = now.plus(lockoutNumber(lockouts));
    // The next window starts when the lockout ends: failures soon after it make the next lockout longer.
    return new FailureCounter(0, until, until, lockouts);
  }

  /** The length of the {@code n}th lockout in a row (1-based): the lockout, doubled per step, capped. */
  public Duration lockoutNumber(int n) {
    Duration lockout = settings.lockout();
    for (int i = 1; i < n && lockout.compareTo(settings.maxLockout()) < 0; i++) {
      lockout = lockout.multipliedBy(2);
    }
    return lockout.compareTo(settings.maxLockout()) > 0 ? settings.maxLockout() : lockout;
  }

  /** When a counter no longer matters (its window is over and it is not locked): the purge may delete it then. */
  public Instant staleAt(FailureCounter counter) {
    Instant windowEnd = counter.windowStart().plus(settings.window());
    return windowEnd.isAfter(counter.lockedUntil()) ? windowEnd : counter.lockedUntil();
  }

  /** The counter as of {@code now}: a window that ended without a lockout in force starts again from nothing. */
  private FailureCounter current(FailureCounter c, Instant now) {
    if (c.lockedAt(now) || now.isBefore(c.windowStart().plus(settings.window()))) {
      return c;
    }
    return FailureCounter.none(now);
  }
}
