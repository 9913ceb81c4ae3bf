package dev.gatehouse.protocol.token;

import java.time.Duration;
import java.util.Objects;

/**
 * Lifetimes of codes and tokens, and the grace window for refresh token reuse.
 *
 * <p>The grace window is a deliberate trade-off: under strict rotation, a client that lost a refresh response or
 * refreshed from two tabs at once would present an already rotated token and have its whole grant revoked, signing the
 * user out. Reuse within {@code refreshReuseGrace} of the rotation is refused with {@code invalid_grant} but does not
 * revoke; reuse after it is treated as theft and revokes the grant. {@link Duration#ZERO} disables the grace.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2 (short-lived codes)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2 (rotation)</a>
 */
public record TokenSettings(
    Duration codeTtl, Duration accessTokenTtl, Duration refreshTokenTtl, Duration refreshReuseGrace) {

  public TokenSettings {
    requirePositive(codeTtl, "codeTtl");
    requirePositive(accessTokenTtl, "accessTokenTtl");
    requirePositive(refreshTokenTtl, "refreshTokenTtl");
    Objects.requireNonNull(refreshReuseGrace, "refreshReuseGrace");
    if (refreshReuseGrace.isNegative()) {
      throw new IllegalArgumentException("refreshReuseGrace must not be negative");
    }
  }

  /**
   * Code 60 s (RFC 6749 §4.1.2: "A maximum authorization code lifetime of 10 minutes is RECOMMENDED."), access token 10
   * min, refresh token 30 days, reuse grace 10 s.
   */
  public static TokenSettings defaults() {
    return new TokenSettings(
        Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofDays(30), Duration.ofSeconds(10));
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
