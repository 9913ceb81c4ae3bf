package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Stores refresh tokens by hash and rotates each at most once.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
public interface RefreshTokenStore {
  /** Stores a newly issued refresh token. */
  void save(RefreshToken token);

  /** The token with this hash, whatever its state (rotated, revoked and expired tokens included), or empty. */
  Optional<RefreshToken> find(String hash);

  /**
   * Marks the token rotated at {@code now}.
   *
   * <p>MUST be atomic: {@code UPDATE … SET rotated_at = :now WHERE hash = :hash AND rotated_at IS NULL AND revoked_at IS
   * NULL}; returns true iff exactly one row changed. A false result means another request rotated (or revoked) it
   * first.
   */
  boolean markRotated(String hash, Instant now);
}
