package dev.gatehouse.protocol.token;

import java.time.Duration;
import java.util.Objects;

/**
 * Lifetimes of codes and tokens, and the grace window for refresh token reuse.
 *
 * <p>The grace window is off by default ({@link Duration#ZERO}): any reuse of a rotated refresh token revokes the
 * grant, as RFC 9700 §4.14.2 expects ("one of them will present an invalidated refresh token, which will inform the
 * authorization server of the breach"). A window is an opt-in trade-off: a client that lost a refresh response or
 * refreshed from two tabs at once keeps its grant, since a reuse within {@code refreshReuseGrace} of the rotation is
 * refused with {@code invalid_grant} without revoking; but so does a thief who refreshed first and the victim whose
 * reuse within the window goes unnoticed, and the thief keeps the family.
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
   * min, refresh token 30 days, no reuse grace.
   */
  public static TokenSettings defaults() {
    return new TokenSettings(Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofDays(30), Duration.ZERO);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
