package dev.gatehouse.protocol.token;

import dev.gatehouse.protocol.support.Sha256;

/**
 * The storage and lookup key of a code or token: lowercase hex SHA-256 of its value (64 characters).
 *
 * <p>Storing only the hash means a read of the database does not yield usable credentials; because every value is 256
 * random bits, an unsalted fast hash is enough, and it stays a deterministic single-column lookup key.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.3">RFC 6749 §10.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.5">RFC 6749 §10.5</a>
 */
public final class TokenHash {
  private TokenHash() {}

  /** Lowercase hex SHA-256 of {@code token}. */
  public static String of(String token) {
    return Sha256.hex(token);
  }
}
