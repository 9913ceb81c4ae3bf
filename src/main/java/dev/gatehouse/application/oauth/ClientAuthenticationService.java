package dev.gatehouse.application.oauth;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientAuthenticator;
import dev.gatehouse.protocol.client.ClientCredentials;
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
}
