package dev.gatehouse.application;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.request.GrantType;
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
 * RFC 6749 §4.1.2, RFC 9700 §4.14.2) and records the replay in the audit trail with the revocation. One pooled
 * connection at a time, two short transactions one after the other.
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
        revocations.revokeReplayed(grant.getKey(), grant.getValue(), replay(request), client.clientId());
      }
    }
  }

  /** Only the code grant and the refresh grant condemn grants: a replayed code, or a reused refresh token. */
  private static AuditEventType replay(TokenRequest request) {
    return GrantType.AUTHORIZATION_CODE.value().equals(request.grantType())
        ? AuditEventType.CODE_REPLAY_DETECTED : AuditEventType.REFRESH_REPLAY_DETECTED;
  }
}
