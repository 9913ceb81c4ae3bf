package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Stores access tokens by hash.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>
 */
public interface AccessTokenStore {
  /** Stores a newly issued access token. */
  void save(AccessToken token);

  /** The token with this hash if it exists, is not revoked and has not expired at {@code now}; otherwise empty. */
  Optional<AccessToken> findActive(String hash, Instant now);
}
