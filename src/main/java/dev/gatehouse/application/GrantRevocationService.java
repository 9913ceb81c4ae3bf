package dev.gatehouse.application;

import dev.gatehouse.persistence.JpaGrantTokens;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Revokes tokens by grant (and, for the administration, by user or by client), each call in its own transaction.
 * {@link TokenEndpoint} calls it after a replay was detected, once the failed request's transaction has ended.
 */
@Stateless
public class GrantRevocationService {

  private static final Logger LOG = Logger.getLogger(GrantRevocationService.class.getName());

  @Inject JpaGrantTokens tokens;

  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void revokeGrant(String grantId, Instant now) {
    int revoked = tokens.revokeGrant(grantId, now);
    LOG.warning(() -> "Revoked grant " + grantId + " (" + revoked + " token(s)) after a reused code or refresh token");
  }

  /** Revokes every access and refresh token of a user, across all clients. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public int revokeUser(String subject, Instant now) {
    int revoked = tokens.revokeSubject(subject, now);
    LOG.info(() -> "Revoked " + revoked + " token(s) of subject " + subject);
    return revoked;
  }

  /** Revokes every access and refresh token issued to a client. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public int revokeClient(String clientId, Instant now) {
    int revoked = tokens.revokeClient(clientId, now);
    LOG.info(() -> "Revoked " + revoked + " token(s) of client " + clientId);
    return revoked;
  }
}
