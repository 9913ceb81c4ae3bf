package dev.gatehouse.protocol.login;

import java.time.Instant;
import java.util.Objects;

/**
 * The failed sign-ins of one account or one client address.
 *
 * @param failures failures since {@code windowStart} (reset by a lockout)
 * @param windowStart when the current window of failures began
 * @param lockedUntil the end of the latest lockout; {@link Instant#EPOCH} when never locked
 * @param lockouts lockouts in a row, each without a quiet window in between; it makes the next lockout longer
 * @param lastFailure when the latest failure was counted ({@link Instant#EPOCH} when none): the next attempt of an
 *     account waits its delay from then
 */
public record FailureCounter(int failures, Instant windowStart, Instant lockedUntil, int lockouts,
    Instant lastFailure) {

  public FailureCounter {
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(lockedUntil, "lockedUntil");
    Objects.requireNonNull(lastFailure, "lastFailure");
  }

  /** No failures yet, counting from {@code now}. */
  public static FailureCounter none(Instant now) {
    return new FailureCounter(0, now, Instant.EPOCH, 0, Instant.EPOCH);
  }

  public boolean lockedAt(Instant now) {
    return now.isBefore(lockedUntil);
  }
}
