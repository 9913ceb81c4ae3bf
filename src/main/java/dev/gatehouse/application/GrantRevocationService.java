package dev.gatehouse.application;

import dev.gatehouse.persistence.JpaGrantTokens;
import dev.gatehouse.protocol.store.GrantRevoker;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Revokes a grant's tokens in a transaction of its own (REQUIRES_NEW): on a code replay or a refresh-token reuse the
 * caller's transaction rolls back with {@code invalid_grant}, and the revocation must survive that rollback.
 */
@Stateless
public class GrantRevocationService implements GrantRevoker {

  private static final Logger LOG = Logger.getLogger(GrantRevocationService.class.getName());

  @Inject JpaGrantTokens tokens;

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void revokeGrant(String grantId, Instant now) {
    int revoked = tokens.revokeGrant(grantId, now);
    LOG.warning(() -> "Revoked grant " + grantId + " (" + revoked + " token(s)) after a reused code or refresh token");
  }
}
