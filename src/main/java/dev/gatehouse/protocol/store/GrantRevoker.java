package dev.gatehouse.protocol.store;

import java.time.Instant;

/**
 * Revokes every token issued from one grant, after a replayed code or a reused refresh token.
 *
 * <p>The revocation must survive the rollback of the failing token request, and it must not wait on that request's
 * own locks: the caller may hold the code row ({@link AuthorizationCodeStore#consume}) or the grant's lock ({@link
 * GrantStore#holdActive}), and a revocation takes the grant's lock first. So the application layer carries it out
 * after the request's transaction has ended, in a transaction of its own, and never touches the code row.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
public interface GrantRevoker {
  /** Revokes every access and refresh token whose grant is {@code grantId}, as of {@code now}. */
  void revokeGrant(String grantId, Instant now);
}
