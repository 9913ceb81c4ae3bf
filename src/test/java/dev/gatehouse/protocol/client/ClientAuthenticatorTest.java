package dev.gatehouse.protocol.client;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.store.InMemoryClientStore;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAuthenticatorTest {
  private final InMemoryClientStore clients =
      new InMemoryClientStore(
          TestClients.confidential("app"), TestClients.confidentialPost("poster"), TestClients.publicClient("spa"));
  private final ClientAuthenticator authenticator = new ClientAuthenticator(clients);

  @Test
  void rfc6749_2_3_1_whenBasicWithRightSecret_thenClient() {
    Client c =
        authenticator.authenticate(
            new ClientCredentials("app", TestClients.SECRET, TokenEndpointAuthMethod.CLIENT_SECRET_BASIC));

    assertEquals("app", c.clientId());
  }

  @Test
  void rfc6749_2_3_1_whenPostWithRightSecret_thenClient() {
    Client c =
        authenticator.authenticate(
            new ClientCredentials("poster", TestClients.SECRET, TokenEndpointAuthMethod.CLIENT_SECRET_POST));

    assertEquals("poster", c.clientId());
  }

  @Test
  void rfc6749_2_3_1_whenWrongSecret_thenInvalidClient() {
    assertOAuthError(
        OAuthErrorCode.INVALID_CLIENT,
        () ->
            authenticator.authenticate(
                new ClientCredentials("app", TestClients.SECRET + "x", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC)));
  }

  @Test
  void rfc6749_2_3_whenMethodDiffersFromRegistered_thenInvalidClient() {
    assertOAuthError(
        OAuthErrorCode.INVALID_CLIENT,
        () ->
            authenticator.authenticate(
                new ClientCredentials("app", TestClients.SECRET, TokenEndpointAuthMethod.CLIENT_SECRET_POST)));
  }

  @Test
  void rfc6749_2_3_whenConfidentialClientOmitsSecret_thenInvalidClient() {
    assertOAuthError(
        OAuthErrorCode.INVALID_CLIENT,
        () -> authenticator.authenticate(new ClientCredentials("app", null, TokenEndpointAuthMethod.NONE)));
  }

  @Test
  void rfc6749_2_3_1_whenUnknownClient_thenInvalidClient() {
    assertOAuthError(
        OAuthErrorCode.INVALID_CLIENT,
        () ->
            authenticator.authenticate(
                new ClientCredentials("nobody", TestClients.SECRET, TokenEndpointAuthMethod.CLIENT_SECRET_BASIC)));
    assertOAuthError(
        OAuthErrorCode.INVALID_CLIENT,
        () -> authenticator.authenticate(new ClientCredentials("nobody", null, TokenEndpointAuthMethod.NONE)));
  }

  @Test
  void rfc6749_2_1_whenPublicClientWithClientIdOnly_thenClient() {
    Client c = authenticator.authenticate(new ClientCredentials("spa", null, TokenEndpointAuthMethod.NONE));

    assertEquals("spa", c.clientId());
  }

  @Test
  void rfc6749_2_3_whenPublicClientSendsASecret_thenInvalidClient() {
    assertOAuthError(
        OAuthErrorCode.INVALID_CLIENT,
        () ->
            authenticator.authenticate(
                new ClientCredentials("spa", "anything", TokenEndpointAuthMethod.CLIENT_SECRET_POST)));
  }

  @Test
  void rfc6749_2_3_whenNoCredentials_thenInvalidClient() {
    assertOAuthError(OAuthErrorCode.INVALID_CLIENT, () -> authenticator.authenticate(Optional.empty()));
  }

  @Test
  void rfc7662_2_1_whenPublicClientAsksForConfidentialAuthentication_thenInvalidClient() {
    assertOAuthError(
        OAuthErrorCode.INVALID_CLIENT,
        () -> authenticator.authenticateConfidential(
            Optional.of(new ClientCredentials("spa", null, TokenEndpointAuthMethod.NONE))));
  }

  @Test
  void rfc7662_2_1_whenConfidentialClientAuthenticates_thenClient() {
    Client c = authenticator.authenticateConfidential(
        Optional.of(new ClientCredentials("app", TestClients.SECRET, TokenEndpointAuthMethod.CLIENT_SECRET_BASIC)));

    assertEquals("app", c.clientId());
  }
}
