package dev.gatehouse.protocol.store;

import java.time.Instant;

/**
 * Revokes every token issued from one grant, after a replayed code or a reused refresh token.
 *
 * <p>The application layer implements it in its own transaction ({@code REQUIRES_NEW}) so that the revocation survives
 * the rollback of the failing token request. It must touch only access and refresh token rows, never the code row,
 * which the outer transaction may hold locked.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
public interface GrantRevoker {
  /** Revokes every access and refresh token whose grant is {@code grantId}, as of {@code now}. */
  void revokeGrant(String grantId, Instant now);
}
