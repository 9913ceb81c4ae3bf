package dev.gatehouse.application.oauth;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.grant.GrantHandler;
import dev.gatehouse.protocol.grant.GrantHandlers;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.token.TokenResponse;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import dev.gatehouse.application.audit.AuditDetail;
import dev.gatehouse.application.audit.AuditEvent;
import dev.gatehouse.application.audit.AuditEventType;
import dev.gatehouse.application.audit.AuditTrail;

/**
 * The token endpoint's transaction boundary: the grant handler consumes the code (or rotates the refresh token) and
 * persists the new tokens in ONE container-managed JTA transaction, committed before the response is written. An
 * {@code OAuthException} rolls it back ({@code ejb-jar.xml} declares it an application exception).
 *
 * <p>The audit row of the issuance ({@link AuditEventType#TOKEN_ISSUED}, {@link AuditEventType#TOKEN_REFRESHED}) is
 * one more INSERT in the same transaction: there is a row exactly when the tokens exist.
 */
@Stateless
public class TokenService {

  @Inject GrantHandlers grants;
  @Inject AuditTrail audit;

  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public TokenResponse token(TokenRequest request, Client client) {
    GrantHandler handler = grants.forRequest(request, client);
    TokenResponse response = handler.handle(request, client);
    audit.record(issued(handler.grantType(), client, response));
    return response;
  }

  private static AuditEvent issued(GrantType grantType, Client client, TokenResponse response) {
    StringBuilder issued = new StringBuilder("access_token");
    response.refreshToken().ifPresent(t -> issued.append(" refresh_token"));
    response.idToken().ifPresent(t -> issued.append(" id_token"));
    return AuditEvent.of(grantType == GrantType.REFRESH_TOKEN
            ? AuditEventType.TOKEN_REFRESHED : AuditEventType.TOKEN_ISSUED)
        .actor(client.clientId())
        .clientId(client.clientId())
        .subject(response.subject())
        .grantId(response.grantId())
        .detail(AuditDetail.GRANT_TYPE, grantType.value())
        .detail(AuditDetail.SCOPE, response.scope().isEmpty() ? null : response.scope())
        .detail(AuditDetail.ISSUED, issued)
        .build();
  }
}
