package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Revokes tokens in bulk: every access and refresh token of a grant, of an SSO session's grants, of a user, or of a
 * client. Each revocation is conditional {@code UPDATE}s that lock the grant rows first, then the tokens: the lock
 * order a refresh takes too ({@link GrantStore#holdActive}), so a revocation either waits for that refresh and then
 * revokes the tokens it issued, or goes first and makes the refresh fail. Code rows are never touched.
 */
public interface GrantTokens {
  /** Revokes the grant and every one of its tokens; returns how many token rows it matched. */
  int revokeGrant(String grantId, Instant now);

  /** The user a grant belongs to, if the grant is known and has one (a client_credentials grant has none). */
  Optional<String> subjectOf(String grantId);

  /**
   * Revokes the grants made in an SSO session, and their tokens, except those the user gave {@code offline_access}:
   * OpenID Connect Core §11 makes those the grants meant to outlive the sign-in. Returns how many token rows it
   * matched.
   */
  int revokeSession(String sid, Instant now);

  /** Marks every grant and token of the user (the subject) revoked; returns how many token rows changed. */
  int revokeSubject(String subject, Instant now);

  /** Marks every grant and token issued to the client revoked; returns how many token rows changed. */
  int revokeClient(String clientId, Instant now);
}
