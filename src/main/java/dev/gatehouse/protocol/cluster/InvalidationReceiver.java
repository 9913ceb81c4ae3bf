package dev.gatehouse.protocol.cluster;

import dev.gatehouse.protocol.cluster.InvalidationMessage.Content;
import dev.gatehouse.protocol.cluster.InvalidationMessage.Refused;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether a peer's cache invalidation is to be applied. In order: the message must have its format and a
 * right MAC ({@link InvalidationMessage#open}); its time must be within {@link #MAX_SKEW} of this node's clock, either
 * way; and its nonce must be new. Only then is the nonce remembered, until the message's time plus {@link #MAX_SKEW}
 * (after that the message is too old anyway), so the memory holds nonces of authenticated messages only and at most
 * {@link #MAX_REMEMBERED} of them. Thread-safe.
 */
public final class InvalidationReceiver {
  /** How far a message's time may be from this node's clock, either way: clock skew plus transit. */
  public static final Duration MAX_SKEW = Duration.ofSeconds(30);
  /**
   * The most nonces remembered at once, about 130 bytes each. Peers send one message per revocation, so this allows
   * well over a thousand revocations a second across the cluster; beyond it messages are refused (and the caches
   * catch up within their maximum age) rather than the replay check weakened.
   */
  public static final int MAX_REMEMBERED = 50_000;

  /** The outcome of a message. */
  public enum Verdict {
    /** Authentic, fresh and new: apply it. */
    ACCEPTED,
    /** Not a message of this format (or version). */
    MALFORMED,
    /** The MAC is wrong: not made with this cluster's secret, or changed on the way. */
    FORGED,
    /** Authentic, but its time is more than {@link #MAX_SKEW} away from this node's clock. */
    OUT_OF_WINDOW,
    /** Authentic and fresh, but its nonce was accepted before. */
    REPLAYED,
    /** Authentic and fresh, but {@link #MAX_REMEMBERED} nonces are remembered already. */
    TOO_MANY
  }

  /**
   * What became of one message.
   *
   * @param invalidation what to invalidate; null unless {@link Verdict#ACCEPTED}
   * @param skew the message's time minus this node's, for a log line; zero when the MAC was not checked or wrong
   */
  public record Received(Verdict verdict, Invalidation invalidation, Duration skew) {
    public boolean accepted() {
      return verdict == Verdict.ACCEPTED;
    }
  }

  private final ClusterKey key;
  private final Clock clock;
  private final SeenNonces seen;

  public InvalidationReceiver(ClusterKey key, Clock clock) {
    this(key, clock, MAX_REMEMBERED);
  }

  InvalidationReceiver(ClusterKey key, Clock clock, int maxRemembered) {
    this.key = Objects.requireNonNull(key, "key");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.seen = new SeenNonces(maxRemembered);
  }

  /** Checks {@code message} and, when it is accepted, remembers its nonce. Never throws. */
  public Received receive(String message) {
    Content content;
    try {
      content = InvalidationMessage.open(message, key);
    } catch (Refused refused) {
      return new Received(refused.verdict(), null, Duration.ZERO);
    }
    Instant now = clock.instant();
    Duration skew = Duration.between(now, content.sentAt());
    if (skew.abs().compareTo(MAX_SKEW) > 0) {
      return new Received(Verdict.OUT_OF_WINDOW, null, skew);
    }
    Verdict verdict = seen.remember(content.nonce(), content.sentAt().plus(MAX_SKEW), now);
    return new Received(verdict, verdict == Verdict.ACCEPTED ? content.invalidation() : null, skew);
  }
}
