package dev.gatehouse.protocol.logout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How long an RP-initiated logout still waits for the back-channel notifications it queued, and when it is done, so
 * that the browser reaches the post-logout page only once the other relying parties know (OpenID Connect
 * Back-Channel Logout 1.0 §2.5: the OP sends the logout token "to each RP" of the session; RP-Initiated Logout 1.0
 * §3: the OP then redirects to the {@code post_logout_redirect_uri}).
 *
 * <p>One bound for the whole logout, counted from its start, not per relying party: a logout of five clients waits
 * no longer than one of a single client. No bound (zero) or nothing to send: no wait at all, so a request that ended
 * no session, or a session that signed in to no client with a back-channel URI, is answered at once.
 *
 * <p>A notification counts as done when its attempt is over: {@link Progress#DELIVERED delivered}, {@link
 * Progress#FAILED failed} (it is then back in the outbox with its next attempt, or given up) or {@link
 * Progress#ELSEWHERE taken by another sender} whose end this request cannot see. Only one still {@link
 * Progress#UNDER_WAY under way} (on the wire, or waiting for a free sender) is worth waiting for, and only until the
 * deadline: what is still under way then is left to its sender and to the outbox's retries. Thread-safe.
 */
public final class LogoutWait {

  /** Where one notification of the logout stands. */
  public enum Progress {
    /** On the wire, or waiting for a free sender: worth waiting for. */
    UNDER_WAY,
    /** The relying party answered 200 or 204 (§2.8). */
    DELIVERED,
    /** The attempt ended otherwise: an error answer, a time-out, a refused address; the outbox has it. */
    FAILED,
    /** Another run or node claimed it first: this logout cannot see it end. */
    ELSEWHERE
  }

  private final Clock clock;
  private final Instant deadline;
  private final boolean bounded;
  private final Map<String, Progress> notifications = new LinkedHashMap<>();

  private LogoutWait(Collection<String> notificationIds, Duration bound, Clock clock) {
    Objects.requireNonNull(bound, "bound");
    if (bound.isNegative()) {
      throw new IllegalArgumentException("the bound must not be negative");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.deadline = clock.instant().plus(bound);
    this.bounded = !bound.isZero();
    notificationIds.forEach(id -> notifications.put(id, Progress.UNDER_WAY));
  }

  /** The wait of a logout that queued {@code notificationIds}, starting now, for at most {@code bound} in all. */
  public static LogoutWait start(Collection<String> notificationIds, Duration bound, Clock clock) {
    return new LogoutWait(notificationIds, bound, clock);
  }

  /** Whether the logout waits at all: only with notifications to send and a bound above zero. */
  public boolean needed() {
    return bounded && !notifications.isEmpty();
  }

  /** The notifications this logout waits for. */
  public synchronized Collection<String> notificationIds() {
    return List.copyOf(notifications.keySet());
  }

  /**
   * Records how a notification stands. An attempt that is over stays over: a later report of the same notification
   * (two senders' views of one claim) never puts it back under way. Unknown ids are ignored.
   */
  public synchronized void record(String notificationId, Progress progress) {
    Objects.requireNonNull(progress, "progress");
    Progress now = notifications.get(notificationId);
    if (now == Progress.UNDER_WAY) {
      notifications.put(notificationId, progress);
    }
  }

  /** How much of the bound is left, never negative. */
  public Duration remaining() {
    Duration left = Duration.between(clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Whether the logout stops waiting: no wait needed, every notification done, or the bound used up. */
  public synchronized boolean over() {
    return !needed() || !notifications.containsValue(Progress.UNDER_WAY) || remaining().isZero();
  }

  /** How many notifications stand where, for the log. */
  public synchronized Map<Progress, Integer> tally() {
    Map<Progress, Integer> tally = new EnumMap<>(Progress.class);
    notifications.values().forEach(p -> tally.merge(p, 1, Integer::sum));
    return tally;
  }
}
