package dev.gatehouse.application;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.token.TokenResponse;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/**
 * The token endpoint's entry point: runs the grant in {@link TokenService}'s transaction, then, after that
 * transaction has ended, revokes any grant the request proved compromised (a replayed code, a reused refresh token:
 * RFC 6749 §4.1.2, RFC 9700 §4.14.2). One pooled connection at a time, two short transactions one after the other.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TokenEndpoint {

  @Inject TokenService tokens;
  @Inject DeferredGrantRevoker condemned;
  @Inject GrantRevocationService revocations;

  public TokenResponse token(TokenRequest request, Client client) {
    try {
      return tokens.token(request, client);
    } finally {
      for (Map.Entry<String, Instant> grant : condemned.drain().entrySet()) {
        revocations.revokeGrant(grant.getKey(), grant.getValue());
      }
    }
  }
}
