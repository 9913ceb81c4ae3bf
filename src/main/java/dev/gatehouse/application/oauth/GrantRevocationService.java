package dev.gatehouse.application.oauth;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.store.GrantRevoker;
import dev.gatehouse.protocol.store.GrantTokens;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import dev.gatehouse.application.audit.AuditDetail;
import dev.gatehouse.application.audit.AuditEvent;
import dev.gatehouse.application.audit.AuditEventType;
import dev.gatehouse.application.audit.AuditTrail;

/**
 * Revokes tokens by grant (and, for the administration, by user or by client), each call in its own transaction,
 * with its audit row in the same transaction. {@link TokenEndpoint} calls {@link #revokeReplayed} after a replay was
 * detected, once the failed request's transaction has ended: the replay's row is written then, with the revocation,
 * and survives the request's rollback.
 */
@Stateless
public class GrantRevocationService {

  private static final SafeLog LOG = SafeLog.of(GrantRevocationService.class);

  @Inject GrantTokens tokens;
  @Inject AuditTrail audit;

  /**
   * Revokes a grant that a replayed code or a reused refresh token proved compromised (RFC 6749 §4.1.2, RFC 9700
   * §4.14.2), and records {@code replay} ({@link AuditEventType#CODE_REPLAY_DETECTED} or {@link
   * AuditEventType#REFRESH_REPLAY_DETECTED}) for the client that presented it.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void revokeReplayed(String grantId, Instant now, AuditEventType replay, String clientId) {
    int revoked = tokens.revokeGrant(grantId, now);
    LOG.warning("Revoked grant {} ({} token(s)) after a reused code or refresh token", grantId, revoked);
    audit.record(AuditEvent.of(replay).actor(clientId).clientId(clientId).subject(tokens.subjectOf(grantId)
        .orElse(null)).grantId(grantId).detail(AuditDetail.TOKENS_REVOKED, revoked).build());
  }

  /**
   * Revokes a grant that a refresh found no longer valid: its user disabled or gone from its directory ({@code
   * user_inactive}), or the SSO session of a grant without {@code offline_access} over ({@code session_ended}).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void revokeEnded(String grantId, Instant now, GrantRevoker.Cause cause) {
    int revoked = tokens.revokeGrant(grantId, now);
    String reason = cause == GrantRevoker.Cause.SESSION_ENDED ? "session_ended" : "user_inactive";
    LOG.info("Revoked grant {} ({} token(s)) at its refresh: {}", grantId, revoked, reason);
    recordRevoked(revoked, reason, AuditEvent.of(AuditEventType.TOKEN_REVOKED).grantId(grantId)
        .subject(tokens.subjectOf(grantId).orElse(null)));
  }

  /**
   * Revokes a grant whose code or refresh the client's access policy refused for {@code subject} (a code's grant has
   * no tokens yet), and records {@link AuditEventType#ACCESS_DENIED_BY_POLICY} for the client and the user, with the
   * revocation's {@code TOKEN_REVOKED} ({@code access_policy}) when it matched tokens.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void revokeRefusedByPolicy(String grantId, Instant now, String clientId, String subject, String grantType) {
    int revoked = tokens.revokeGrant(grantId, now);
    LOG.info("Refused {} for subject {} by the access policy of client {}; revoked grant {} ({} token(s))",
        grantType, subject, clientId, grantId, revoked);
    audit.record(AuditEvent.of(AuditEventType.ACCESS_DENIED_BY_POLICY).actor(clientId).clientId(clientId)
        .subject(subject).grantId(grantId).detail(AuditDetail.GRANT_TYPE, grantType)
        .detail(AuditDetail.REASON, "access_policy").build());
    recordRevoked(revoked, "access_policy", AuditEvent.of(AuditEventType.TOKEN_REVOKED).grantId(grantId)
        .clientId(clientId).subject(subject));
  }

  /** Revokes every token of one grant. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public int revokeGrant(String grantId, Instant now) {
    int revoked = tokens.revokeGrant(grantId, now);
    LOG.info("Revoked grant {} ({} token(s))", grantId, revoked);
    recordRevoked(revoked, "grant_revoked", AuditEvent.of(AuditEventType.TOKEN_REVOKED).grantId(grantId)
        .subject(tokens.subjectOf(grantId).orElse(null)));
    return revoked;
  }

  /** Revokes every access and refresh token of a user, across all clients. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public int revokeUser(String subject, Instant now) {
    int revoked = tokens.revokeSubject(subject, now);
    LOG.info("Revoked {} token(s) of subject {}", revoked, subject);
    recordRevoked(revoked, "user_revoked", AuditEvent.of(AuditEventType.TOKEN_REVOKED).subject(subject));
    return revoked;
  }

  /** Revokes every access and refresh token issued to a client. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public int revokeClient(String clientId, Instant now) {
    int revoked = tokens.revokeClient(clientId, now);
    LOG.info("Revoked {} token(s) of client {}", revoked, clientId);
    recordRevoked(revoked, "client_revoked", AuditEvent.of(AuditEventType.TOKEN_REVOKED).clientId(clientId));
    return revoked;
  }

  /** A bulk revocation that matched tokens is a TOKEN_REVOKED row; who asked for it is the caller's ADMIN_CHANGE. */
  private void recordRevoked(int revoked, String reason, AuditEvent.Builder event) {
    if (revoked > 0) {
      audit.record(event.detail(AuditDetail.REASON, reason).detail(AuditDetail.TOKENS_REVOKED, revoked).build());
    }
  }
}
