package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Stores access tokens by hash.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.1">RFC 7009 §2.1 (revocation)</a>
 */
public interface AccessTokenStore {
  /** Stores a newly issued access token. */
  void save(AccessToken token);

  /** The token with this hash if it exists, is not revoked and has not expired at {@code now}; otherwise empty. */
  Optional<AccessToken> findActive(String hash, Instant now);

  /**
   * Revokes this one access token as of {@code now}, and says whether this call did it.
   *
   * <p>MUST be atomic: {@code UPDATE … SET revoked_at = :now WHERE hash = :hash AND revoked_at IS NULL}; returns true
   * iff exactly one row changed. False means the token is unknown or was already revoked (by an earlier call or with
   * its grant). Only this token changes: neither the grant's other access tokens nor its refresh tokens are touched.
   */
  boolean revoke(String hash, Instant now);
}
