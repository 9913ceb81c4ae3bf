package dev.gatehouse.protocol.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long an SSO session lives: it ends after {@code idle} without use, and after {@code absolute} whatever happens.
 * Use is recorded at most once per {@code touchInterval}, so a busy browser does not write a row per request.
 */
public record SessionLifetimes(Duration idle, Duration absolute, Duration touchInterval) {

  public SessionLifetimes {
    Objects.requireNonNull(idle, "idle");
    Objects.requireNonNull(absolute, "absolute");
    Objects.requireNonNull(touchInterval, "touchInterval");
    if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
      throw new IllegalArgumentException("the idle lifetime must be positive and the absolute one at least as long");
    }
  }

  /** The end of a session created at {@code createdAt} and last used at {@code lastSeenAt}. */
  public Instant expiresAt(Instant createdAt, Instant lastSeenAt) {
    Instant idleEnd = lastSeenAt.plus(idle);
    Instant absoluteEnd = createdAt.plus(absolute);
    return idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
  }

  /** Whether a use at {@code now} should be recorded: the last one is older than the touch interval. */
  public boolean shouldTouch(SsoSession session, Instant now) {
    return !session.lastSeenAt().plus(touchInterval).isAfter(now);
  }
}
