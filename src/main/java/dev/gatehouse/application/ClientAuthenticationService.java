package dev.gatehouse.application;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientAuthenticator;
import dev.gatehouse.protocol.client.ClientCredentials;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;

/** Client authentication (RFC 6749 §2.3) over the client store; read-only. */
@Stateless
public class ClientAuthenticationService {

  @Inject ClientAuthenticator authenticator;

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Client authenticate(Optional<ClientCredentials> credentials) {
    return authenticator.authenticate(credentials);
  }

  /**
   * As {@link #authenticate}, but a public client (no secret) is refused: introspection needs a caller that proved
   * who it is (RFC 7662 §2.1), and anyone can name a public client's {@code client_id}.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Client authenticateConfidential(Optional<ClientCredentials> credentials) {
    Client client = authenticator.authenticate(credentials);
    if (client.isPublic()) {
      throw new OAuthException(OAuthErrorCode.INVALID_CLIENT, "public client " + client.clientId()
          + " cannot authenticate here");
    }
    return client;
  }
}
