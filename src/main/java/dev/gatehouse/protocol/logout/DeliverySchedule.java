package dev.gatehouse.protocol.logout;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failed back-channel notification is tried again: after 5 s, then twice as long each time, at most an hour
 * apart, until {@code maxAttempts} attempts have failed. A relying party that is down for a deploy still learns of the
 * logout when it is back; one that is gone for good stops costing requests.
 */
public record DeliverySchedule(int maxAttempts) {
  static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  static final Duration LONGEST_WAIT = Duration.ofHours(1);

  public DeliverySchedule {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** When to try again after the {@code attempts}-th failed attempt at {@code now}; empty once out of attempts. */
  public Optional<Instant> nextAttempt(int attempts, Instant now) {
    Objects.requireNonNull(now, "now");
    if (attempts >= maxAttempts) {
      return Optional.empty();
    }
    Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
    return Optional.of(now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait));
  }
}
