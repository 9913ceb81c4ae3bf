package dev.gatehouse.application.oauth;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.store.GrantRevoker;
import dev.gatehouse.protocol.token.TokenResponse;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import dev.gatehouse.application.audit.AuditEventType;

/**
 * The token endpoint's entry point: for a refresh, first asks the directory about a directory user ({@link
 * RefreshingUsers#beforeRefresh}, outside any transaction); then runs the grant in {@link TokenService}'s transaction;
 * then, after that transaction has ended, revokes any grant the request condemned: one it proved compromised (a
 * replayed code, a reused refresh token: RFC 6749 §4.1.2, RFC 9700 §4.14.2), recorded as a replay with the
 * revocation, or one that can no longer be refreshed (its user or its session no longer active), or a code or
 * refresh whose user the client's access policy refuses, recorded as {@link AuditEventType#ACCESS_DENIED_BY_POLICY}. One pooled
 * connection at a time, short transactions one after the other.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TokenEndpoint {

  @Inject TokenService tokens;
  @Inject RefreshingUsers owners;
  @Inject DeferredGrantRevoker condemned;
  @Inject GrantRevocationService revocations;
  @Inject Clock clock;

  public TokenResponse token(TokenRequest request, Client client) {
    owners.beforeRefresh(request, client, clock.instant());
    try {
      return tokens.token(request, client);
    } finally {
      for (DeferredGrantRevoker.Condemned grant : condemned.drain()) {
        if (grant.cause() == GrantRevoker.Cause.REPLAY) {
          revocations.revokeReplayed(grant.grantId(), grant.at(), replay(request), client.clientId());
        } else if (grant.cause() == GrantRevoker.Cause.ACCESS_POLICY) {
          revocations.revokeRefusedByPolicy(grant.grantId(), grant.at(), client.clientId(), grant.subject(),
              request.grantType());
        } else {
          revocations.revokeEnded(grant.grantId(), grant.at(), grant.cause());
        }
      }
    }
  }

  /** Only the code grant and the refresh grant condemn grants: a replayed code, or a reused refresh token. */
  private static AuditEventType replay(TokenRequest request) {
    return GrantType.AUTHORIZATION_CODE.value().equals(request.grantType())
        ? AuditEventType.CODE_REPLAY_DETECTED : AuditEventType.REFRESH_REPLAY_DETECTED;
  }
}
