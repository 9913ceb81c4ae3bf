package dev.gatehouse.protocol.grant;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.store.AccessToken;
import dev.gatehouse.protocol.store.InMemoryAccessTokenStore;
import dev.gatehouse.protocol.store.InMemoryRefreshTokenStore;
import dev.gatehouse.protocol.support.MutableClock;
import dev.gatehouse.protocol.token.TokenHash;
import dev.gatehouse.protocol.token.TokenIssuer;
import dev.gatehouse.protocol.token.TokenResponse;
import dev.gatehouse.protocol.token.TokenSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientCredentialsGrantHandlerTest {
  private final MutableClock clock = MutableClock.startingAt2025();
  private final InMemoryAccessTokenStore accessTokens = new InMemoryAccessTokenStore();
  private final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore();
  private final ClientCredentialsGrantHandler handler =
      new ClientCredentialsGrantHandler(
          new TokenIssuer(accessTokens, refreshTokens, TokenSettings.defaults(), clock));
  private final Client app = TestClients.confidential("app");

  private static TokenRequest request(String scope) {
    return new TokenRequest(
        "client_credentials", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.ofNullable(scope));
  }

  @Test
  void rfc6749_4_4_3_whenConfidentialClient_thenAccessTokenOnlyWithoutSubject() {
    TokenResponse r = handler.handle(request("api"), app);

    assertEquals("api", r.scope());
    assertTrue(r.refreshToken().isEmpty());
    assertTrue(refreshTokens.all().isEmpty());
    AccessToken stored = accessTokens.findActive(TokenHash.of(r.accessToken()), clock.instant()).orElseThrow();
    assertNull(stored.subject());
    assertEquals(GrantType.CLIENT_CREDENTIALS, handler.grantType());
  }

  @Test
  void rfc6749_3_3_whenScopeOmitted_thenClientsRegisteredScopes() {
    assertEquals("api email openid profile", handler.handle(request(null), app).scope());
  }

  @Test
  void rfc6749_3_3_whenScopeBeyondRegistration_thenInvalidScope() {
    assertOAuthError(OAuthErrorCode.INVALID_SCOPE, () -> handler.handle(request("api admin"), app));
  }

  @Test
  void rfc6749_4_4_whenPublicClient_thenUnauthorizedClient() {
    assertOAuthError(
        OAuthErrorCode.UNAUTHORIZED_CLIENT, () -> handler.handle(request(null), TestClients.publicClient("spa")));
  }

  @Test
  void rfc6749_4_4_whenIssuedTwice_thenEachIsItsOwnGrant() {
    handler.handle(request(null), app);
    handler.handle(request(null), app);

    assertNotEquals(accessTokens.all().get(0).grantId(), accessTokens.all().get(1).grantId());
  }
}
