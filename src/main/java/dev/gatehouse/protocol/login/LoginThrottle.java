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
 *   <li>Each failure of an account within the window makes its next attempt wait: nothing after the first two, then
 *       1 s, 2 s, 4 s and so on after the latest failure, capped at {@link ThrottleSettings#maxDelay()}. An attempt
 *       that comes sooner is answered at once with how long to wait, without its password being looked at (a right
 *       password too, so that guessing stays slow). Nothing waits on the server: a delay used to be a sleep on a
 *       request thread, which let a few hundred attempts on one account hold most of the threads that also serve the
 *       token endpoint.
 *   <li>{@link ThrottleSettings#accountMaxFailures()} failures of an account within the window lock it for
 *       {@link ThrottleSettings#lockout()}; each further lockout in a row doubles that, up to
 *       {@link ThrottleSettings#maxLockout()}. A window without a failure after a lockout forgets the series.
 *   <li>A client address has its own, higher limit ({@link ThrottleSettings#addressMaxFailures()}), so that one
 *       address cannot try a few passwords against each of many accounts (password spraying).
 *   <li>While a key is locked, every attempt is refused, even with the right password, and is not counted: an
 *       attacker cannot lengthen a lockout by hammering it. A locked address is refused before any password or
 *       directory work (the caller learns only that its own address is locked); a locked account is refused after the
 *       same work as a wrong password, so that a lockout does not tell whether the account exists.
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

  /**
   * What to do with an attempt before its password is looked at.
   *
   * @param accountLocked the account is locked: refuse as a wrong password would be refused
   * @param addressLockedUntil until when the client address is locked ({@link Instant#EPOCH} when it is not)
   * @param notBefore the account's next attempt is looked at only from this instant on ({@link Instant#EPOCH}: now)
   */
  public record Verdict(boolean accountLocked, Instant addressLockedUntil, Instant notBefore) {
    public Verdict {
      Objects.requireNonNull(addressLockedUntil, "addressLockedUntil");
      Objects.requireNonNull(notBefore, "notBefore");
    }

    public boolean addressLockedAt(Instant now) {
      return now.isBefore(addressLockedUntil);
    }

    /** How long an attempt at {@code now} must wait before it is looked at; zero when it may go on. */
    public Duration waitAt(Instant now) {
      return now.isBefore(notBefore) ? Duration.between(now, notBefore) : Duration.ZERO;
    }
  }

  /** The verdict for an attempt, from the counters of its account and its address (absent when never failed). */
  public Verdict verdict(Optional<FailureCounter> account, Optional<FailureCounter> address) {
    Instant now = clock.instant();
    boolean accountLocked = account.map(c -> c.lockedAt(now)).orElse(false);
    Instant addressLockedUntil = address.filter(c -> c.lockedAt(now)).map(FailureCounter::lockedUntil)
        .orElse(Instant.EPOCH);
    Instant notBefore = account.map(c -> current(c, now))
        .filter(c -> c.failures() > 0)
        .map(c -> c.lastFailure().plus(delayAfter(c.failures())))
        .orElse(Instant.EPOCH);
    return new Verdict(accountLocked, addressLockedUntil, notBefore);
  }

  /** The wait after the latest failure of an account that has failed {@code failures} times in the window. */
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
      return new FailureCounter(failures, c.windowStart(), c.lockedUntil(), c.lockouts(), now);
    }
    int lockouts = c.lockouts() + 1;
    Instant until = now.plus(lockoutNumber(lockouts));
    // The next window starts when the lockout ends: failures soon after it make the next lockout longer.
    return new FailureCounter(0, until, until, lockouts, now);
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
