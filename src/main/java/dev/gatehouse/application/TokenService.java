package dev.gatehouse.application;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.grant.GrantHandlers;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.token.TokenResponse;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The token endpoint's transaction boundary: the grant handler consumes the code (or rotates the refresh token) and
 * persists the new tokens in ONE container-managed JTA transaction, committed before the response is written. An
 * {@code OAuthException} rolls it back ({@code ejb-jar.xml} declares it an application exception).
 */
@Stateless
public class TokenService {

  @Inject GrantHandlers grants;

  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public TokenResponse token(TokenRequest request, Client client) {
    return grants.forRequest(request, client).handle(request, client);
  }
}
