package dev.gatehouse.application.oauth;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientAuthenticator;
import dev.gatehouse.protocol.client.ClientCredentials;
import dev.gatehouse.protocol.introspect.Introspection;
import dev.gatehouse.protocol.introspect.TokenIntrospector;
import dev.gatehouse.protocol.store.AccessToken;
import dev.gatehouse.protocol.store.AccessTokenStore;
import dev.gatehouse.protocol.token.TokenHash;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/** Token introspection (RFC 7662) and the bearer-token check of Gatehouse's own protected endpoints; read-only. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class IntrospectionService {

  @Inject TokenIntrospector introspector;
  @Inject ClientAuthenticator clients;
  @Inject AccessTokenStore accessTokens;
  @Inject Clock clock;

  /**
   * Authenticates the caller (a confidential client) and introspects, in one call: introspection is the hottest path,
   * and each EJB boundary crossed costs measurably there.
   */
  public Introspection introspect(Optional<ClientCredentials> caller, String token, Optional<String> hint) {
    Client client = clients.authenticateConfidential(caller);
    return introspector.introspect(token, hint, client);
  }

  /** The active access token with this value (RFC 6750: only access tokens are bearer tokens), if any. */
  public Optional<AccessToken> activeAccessToken(String token) {
    return accessTokens.findActive(TokenHash.of(token), clock.instant());
  }
}
