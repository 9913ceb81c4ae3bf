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
import java.util.Set;
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
  void rfc6749_4_4_3_whenClientAlsoRegisteredForRefreshTokens_thenStillNoRefreshToken() {
    assertTrue(app.allowsGrant(GrantType.REFRESH_TOKEN));

    TokenResponse r = handler.handle(request(null), app);

    assertTrue(r.refreshToken().isEmpty());
    assertTrue(refreshTokens.all().isEmpty());
  }

  @Test
  void rfc6749_4_4_3_whenIssued_thenBearerTokenWithConfiguredLifetime() {
    TokenResponse r = handler.handle(request("api"), app);

    AccessToken stored = accessTokens.all().get(0);
    assertEquals(TokenResponse.BEARER, r.tokenType());
    assertEquals(TokenSettings.defaults().accessTokenTtl().toSeconds(), r.expiresIn());
    assertEquals(clock.instant(), stored.issuedAt());
    assertEquals(clock.instant().plus(TokenSettings.defaults().accessTokenTtl()), stored.expiresAt());
    assertEquals("app", stored.clientId());
  }

  @Test
  void rfc6749_3_3_whenScopeSubsetRequested_thenExactlyThatScope() {
    TokenResponse r = handler.handle(request("email api"), app);

    assertEquals("api email", r.scope());
    assertEquals(Set.of("api", "email"), accessTokens.all().get(0).scopes());
  }

  @Test
  void rfc6749_3_3_whenScopeMalformed_thenInvalidScopeAndNothingIssued() {
    assertOAuthError(OAuthErrorCode.INVALID_SCOPE, () -> handler.handle(request("api  email"), app));

    assertTrue(accessTokens.all().isEmpty());
  }

  @Test
  void rfc6749_4_4_whenPublicClient_thenNothingIssued() {
    Client spa = TestClients.withGrants(TestClients.publicClient("spa"), Set.of(GrantType.CLIENT_CREDENTIALS));

    assertOAuthError(OAuthErrorCode.UNAUTHORIZED_CLIENT, () -> handler.handle(request("api"), spa));

    assertTrue(accessTokens.all().isEmpty());
  }

  @Test
  void rfc6749_4_4_whenIssuedTwice_thenEachIsItsOwnGrant() {
    handler.handle(request(null), app);
    handler.handle(request(null), app);

    assertNotEquals(accessTokens.all().get(0).grantId(), accessTokens.all().get(1).grantId());
  }

  private static final String ORDERS = "https://orders.example/api";

  private Set<String> audienceOf(TokenResponse response) {
    return accessTokens.findActive(TokenHash.of(response.accessToken()), clock.instant()).orElseThrow().resources();
  }

  @Test
  void rfc8707_2_2_whenResourceRegisteredForTheClient_thenTheTokenIsForIt_andWithoutOneForTheDefault() {
    Client service = TestClients.withResources(app, ORDERS, "https://billing.example/");
    TokenRequest forOrders = new TokenRequest("client_credentials", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of("api"), java.util.List.of(ORDERS));

    assertEquals(Set.of(ORDERS), audienceOf(handler.handle(forOrders, service)));
    assertEquals(Set.of(), audienceOf(handler.handle(request("api"), service)));
  }

  @Test
  void rfc8707_2_whenResourceNotRegisteredForTheClient_thenInvalidTarget() {
    TokenRequest forOrders = new TokenRequest("client_credentials", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of("api"), java.util.List.of(ORDERS));

    assertOAuthError(OAuthErrorCode.INVALID_TARGET, () -> handler.handle(forOrders, app));
    assertTrue(accessTokens.all().isEmpty());
  }
}
