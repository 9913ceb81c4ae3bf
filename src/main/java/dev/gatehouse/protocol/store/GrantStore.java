package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Grants: the authorization a user gave a client; it ties the code, access and refresh tokens together.
 *
 * <p>The grant is also the one lock that serialises a refresh against a revocation of the same grant. Both take the
 * grant's write lock first, before touching any token row, so whichever comes second waits for the first to commit and
 * then sees everything it wrote: a revocation that waited revokes the tokens the refresh issued, and a refresh that
 * waited finds the grant revoked. One lock order on both sides also rules out deadlocks between them.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.1">RFC 7009 §2.1 (revocation of the grant)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6 (refresh)</a>
 */
public interface GrantStore {
  /** Records the grant when its code is redeemed, in the same transaction as its first tokens. */
  void open(String grantId, String clientId, String subject, Set<String> scopes, Instant now, Instant expiresAt,
      String sessionId);

  /**
   * Takes the grant's write lock for the rest of the transaction, extends it to {@code expiresAt}, and tells whether
   * it is still active (known and not revoked). Revocations take the same lock before touching any token, so a
   * refresh and a revocation of one grant never interleave (and always lock in the same order: no deadlock).
   *
   * <p>MUST be one conditional {@code UPDATE … SET expires_at = :expiresAt WHERE id = :grantId AND revoked_at IS NULL};
   * true iff exactly one row changed. Never read, check, then write: a plain read takes no lock.
   */
  boolean holdActive(String grantId, Instant expiresAt);

  /**
   * The {@code sid} of the SSO session the grant was made in; empty when it was made outside a session or is unknown.
   * A plain read: it takes no lock (a session id never changes).
   */
  Optional<String> sessionOf(String grantId);
}
