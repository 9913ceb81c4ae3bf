package dev.gatehouse.protocol.login;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of {@link LoginThrottle}.
 *
 * @param accountMaxFailures failures of one account within {@code window} that lock it
 * @param addressMaxFailures failures from one client address within {@code window} that lock the address; higher than
 *     the account's, since many people may share an address (a NAT, a proxy)
 * @param window how long failures are remembered; a quiet window also forgets earlier lockouts
 * @param lockout the first lockout; each further lockout in a row doubles it
 * @param maxLockout the cap of a lockout, so that no one can keep an account closed for long with few attempts
 * @param maxDelay the cap of the delay before the answer to an attempt
 */
public record ThrottleSettings(int accountMaxFailures, int addressMaxFailures, Duration window, Duration lockout,
    Duration maxLockout, Duration maxDelay) {

  public ThrottleSettings {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(lockout, "lockout");
    Objects.requireNonNull(maxLockout, "maxLockout");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (accountMaxFailures < 1 || addressMaxFailures < 1) {
      throw new IllegalArgumentException("the numbers of failures that lock must be at least 1");
    }
    if (!positive(window) || !positive(lockout) || !positive(maxLockout)) {
      throw new IllegalArgumentException("the window and the lockouts must be positive durations");
    }
    if (maxLockout.compareTo(lockout) < 0) {
      throw new IllegalArgumentException("the lockout cap must not be shorter than the lockout");
    }
    if (maxDelay.isNegative()) {
      throw new IllegalArgumentException("the delay cap must not be negative");
    }
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }
}
