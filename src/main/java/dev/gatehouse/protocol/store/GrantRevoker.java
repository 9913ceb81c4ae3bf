package dev.gatehouse.protocol.store;

import java.time.Instant;

/**
 * Revokes every token issued from one grant, after a replayed code or a reused refresh token, or when a refresh
 * finds the grant no longer valid (its user inactive, its session over).
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
  /** Why a token request condemned its grant. */
  enum Cause {
    /** A used code or a rotated refresh token presented again: a sign of theft (the default). */
    REPLAY,
    /** The grant's user may no longer have tokens: disabled, or gone from its directory. */
    USER_INACTIVE,
    /** The SSO session of a grant without {@code offline_access} ended or expired (OpenID Connect Core §11). */
    SESSION_ENDED,
    /** The grant's user is outside its client's access policy now ({@link dev.gatehouse.protocol.client.AccessPolicy}). */
    ACCESS_POLICY
  }

  /** Revokes every access and refresh token whose grant is {@code grantId}, as of {@code now}. */
  void revokeGrant(String grantId, Instant now);

  /** As {@link #revokeGrant(String, Instant)}, for {@code cause} (which the record of the revocation names). */
  default void revokeGrant(String grantId, Instant now, Cause cause) {
    revokeGrant(grantId, now);
  }

  /**
   * A code's redemption or a refresh for {@code subject} was refused by the client's access policy: revokes the grant
   * ({@link Cause#ACCESS_POLICY}; a code's grant has no tokens yet) and records the refusal for {@code subject}.
   */
  default void refusedByPolicy(String grantId, String subject, Instant now) {
    revokeGrant(grantId, now, Cause.ACCESS_POLICY);
  }
}
