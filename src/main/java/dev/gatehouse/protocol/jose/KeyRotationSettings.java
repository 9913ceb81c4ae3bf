package dev.gatehouse.protocol.jose;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * How signing keys rotate.
 *
 * <ul>
 *   <li>{@code rotation}: how long a key signs before its successor takes over.
 *   <li>{@code overlap}: how long a successor is published before it signs, so that relying parties and every node
 *       of the cluster know it first.
 *   <li>{@code maxTokenLifetime}: the longest lifetime of anything signed; a retired key stays published that long
 *       after it stopped signing, so every token it signed verifies until it expires.
 * </ul>
 *
 * <p>Two timings follow from the overlap. Each node re-reads the key table every {@link #refreshInterval()} (a
 * quarter of the overlap, at most a minute), so it knows a successor at least three quarters of the overlap before
 * the successor signs. The JWKS may be cached for {@link #jwksMaxAge()} (half the overlap, at most five minutes), so a
 * relying party that cached the JWKS just before a node learned of the successor has fetched it again before the
 * successor signs.
 */
public record KeyRotationSettings(Duration rotation, Duration overlap, Duration maxTokenLifetime) {

  private static final Duration MAX_REFRESH = Duration.ofMinutes(1);
  private static final Duration MAX_JWKS_AGE = Duration.ofMinutes(5);

  public KeyRotationSettings {
    Objects.requireNonNull(rotation, "rotation");
    Objects.requireNonNull(overlap, "overlap");
    Objects.requireNonNull(maxTokenLifetime, "maxTokenLifetime");
    if (overlap.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("the overlap must be at least one second, got " + overlap);
    }
    if (rotation.compareTo(overlap) <= 0) {
      throw new IllegalArgumentException(
          "the rotation period (" + rotation + ") must be longer than the overlap (" + overlap + ")");
    }
    if (maxTokenLifetime.isNegative() || maxTokenLifetime.isZero()) {
      throw new IllegalArgumentException("the longest token lifetime must be positive, got " + maxTokenLifetime);
    }
  }

  /** The settings for these lifetimes of signed things: the longest of them counts. */
  public static KeyRotationSettings of(Duration rotation, Duration overlap, Duration... signedLifetimes) {
    Duration longest = Arrays.stream(signedLifetimes).max(Duration::compareTo)
        .orElseThrow(() -> new IllegalArgumentException("no lifetime of a signed token given"));
    return new KeyRotationSettings(rotation, overlap, longest);
  }

  /** How often every node re-reads the key table: a quarter of the overlap, at most a minute. */
  public Duration refreshInterval() {
    Duration quarter = overlap.dividedBy(4);
    return quarter.compareTo(MAX_REFRESH) < 0 ? quarter : MAX_REFRESH;
  }

  /** How long the JWKS may be cached: half the overlap, at most five minutes, in whole seconds. */
  public Duration jwksMaxAge() {
    Duration half = Duration.ofSeconds(overlap.dividedBy(2).getSeconds());
    return half.compareTo(MAX_JWKS_AGE) < 0 ? half : MAX_JWKS_AGE;
  }
}
