package dev.gatehouse.protocol.support;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates the opaque values this server hands out: authorization codes, access and refresh tokens, client secrets.
 *
 * <p>Each value is 32 bytes (256 bits) from one shared {@link SecureRandom}, encoded base64url without padding (43
 * characters). RFC 6749 §10.10: "The probability of an attacker guessing generated tokens (and other credentials not
 * intended for handling by end-users) MUST be less than or equal to 2^(-128) and SHOULD be less than or equal to
 * 2^(-160)."
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.10">RFC 6749 §10.10</a>
 */
public final class RandomTokens {
  /** Bytes of entropy per generated value. */
  public static final int BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private RandomTokens() {}

  /** A fresh 256-bit random value, base64url without padding (43 characters). */
  public static String generate() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }
}
