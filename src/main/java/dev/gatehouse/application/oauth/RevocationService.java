package dev.gatehouse.application.oauth;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.revoke.TokenRevocation;
import dev.gatehouse.protocol.token.FoundToken;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import dev.gatehouse.application.audit.AuditDetail;
import dev.gatehouse.application.audit.AuditEvent;
import dev.gatehouse.application.audit.AuditEventType;
import dev.gatehouse.application.audit.AuditTrail;

/**
 * Token revocation (RFC 7009) in one transaction, with its audit row ({@link AuditEventType#TOKEN_REVOKED}) in the
 * same transaction when something was revoked.
 */
@Stateless
public class RevocationService {

  @Inject TokenRevocation revocation;
  @Inject AuditTrail audit;

  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void revoke(String token, Optional<String> hint, Client caller) {
    revocation.revoke(token, hint, caller).ifPresent(found -> audit.record(AuditEvent.of(AuditEventType.TOKEN_REVOKED)
        .actor(caller.clientId())
        .clientId(found.clientId())
        .subject(found.subject())
        .grantId(found.grantId())
        .detail(AuditDetail.TOKEN_TYPE, found instanceof FoundToken.Refresh ? "refresh_token" : "access_token")
        .detail(AuditDetail.REASON, "client_request")
        .build()));
  }
}
