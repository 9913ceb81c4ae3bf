package dev.gatehouse.protocol.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.grant.ClientCredentialsGrantHandler;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.store.InMemoryAccessTokenStore;
import dev.gatehouse.protocol.store.InMemoryGrantRevoker;
import dev.gatehouse.protocol.store.InMemoryRefreshTokenStore;
import dev.gatehouse.protocol.store.InMemoryUserDirectory;
import dev.gatehouse.protocol.store.RecordingAccessTokenStore;
import dev.gatehouse.protocol.store.RecordingRefreshTokenStore;
import dev.gatehouse.protocol.support.MutableClock;
import dev.gatehouse.protocol.token.IssueRequest;
import dev.gatehouse.protocol.token.TokenHash;
import dev.gatehouse.protocol.token.TokenIssuer;
import dev.gatehouse.protocol.token.TokenLookup;
import dev.gatehouse.protocol.token.TokenResponse;
import dev.gatehouse.protocol.token.TokenSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenIntrospectorTest {
  private static final String ISSUER = "https://gatehouse.example";
  private static final String GRANT = "grant-1";
  private static final Optional<String> NO_HINT = Optional.empty();
  private static final Optional<String> REFRESH_HINT = Optional.of("refresh_token");
  private static final Optional<String> ACCESS_HINT = Optional.of("access_token");

  private final MutableClock clock = MutableClock.startingAt2025();
  private final Instant start = clock.instant();
  private final TokenSettings settings = TokenSettings.defaults();
  private final InMemoryAccessTokenStore accessTokens = new InMemoryAccessTokenStore();
  private final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore();
  private final InMemoryGrantRevoker revoker = new InMemoryGrantRevoker(accessTokens, refreshTokens);
  private final InMemoryUserDirectory users = new InMemoryUserDirectory().add("alice", "alice@example.com");
  private final TokenIssuer issuer = new TokenIssuer(accessTokens, refreshTokens, settings, clock);
  private final List<String> calls = new ArrayList<>();
  private final TokenIntrospector introspector =
      new TokenIntrospector(
          new RecordingAccessTokenStore(accessTokens, calls),
          new RecordingRefreshTokenStore(refreshTokens, calls),
          users,
          ISSUER,
          clock);
  private final Client app = TestClients.confidential("app");
  private final Client other = TestClients.confidential("other");
  private final Client resourceServer = TestClients.resourceServer("rs");

  private TokenResponse issue(String subject) {
    return issuer.issue(IssueRequest.of(GRANT, app, TokenIssuer.Rights.of(Set.of("openid", "api"))).forSubject(subject)
        .withRefreshToken().authenticatedAt(start.minusSeconds(5)));
  }

  private Introspection introspect(String token, Optional<String> hint, Client caller) {
    return introspector.introspect(token, hint, caller);
  }

  private Introspection introspectMember(Set<String> scopes, Client caller, Client... registered) {
    users.add(new dev.gatehouse.protocol.oidc.UserClaims("ada-sub", "ada", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), false, Optional.empty(), false, Optional.empty(), Optional.empty(),
        java.util.Map.of(), Instant.EPOCH, Set.of("platform", "engineering"), Set.of("release-manager")));
    TokenIntrospector withClaims = new TokenIntrospector(accessTokens, refreshTokens, users, ISSUER, ISSUER, clock,
        new dev.gatehouse.protocol.store.InMemoryClientStore(registered),
        new dev.gatehouse.protocol.oidc.GroupsAndRoles(200));
    TokenResponse tokens = issuer.issue(IssueRequest.of("g-member", registered[0], TokenIssuer.Rights.of(scopes))
        .forSubject("ada-sub").withRefreshToken().authenticatedAt(start));
    Introspection refresh = withClaims.introspect(tokens.refreshToken().orElseThrow(), REFRESH_HINT, caller);
    Introspection access = withClaims.introspect(tokens.accessToken(), NO_HINT, caller);
    assertEquals(access.userClaims(), refresh.userClaims(), "a refresh token is described alike");
    return access;
  }

  @Test
  void rfc7662_2_2_whenTheTokensScopesAskForGroupsAndRoles_thenTheAnswerCarriesThem() {
    Introspection answer = introspectMember(Set.of("openid", "groups", "roles"), app, app);
    assertEquals(java.util.Map.of("groups", List.of("engineering", "platform"), "roles", List.of("release-manager")),
        answer.userClaims());
  }

  @Test
  void rfc7662_2_2_whenTheTokensScopesDoNotAsk_thenNeither() {
    assertEquals(java.util.Map.of(), introspectMember(Set.of("openid", "api"), app, app).userClaims());
  }

  @Test
  void rfc7662_2_2_whenAResourceServerIntrospects_thenTheNamesAreThoseOfTheClientTheTokenWasIssuedTo() {
    Client renamed = app.toBuilder().claimNames(new dev.gatehouse.protocol.client.ClaimNames("memberOf", "appRoles"))
        .build();
    Introspection answer = introspectMember(Set.of("groups", "roles"), resourceServer, renamed);
    assertEquals(Set.of("memberOf", "appRoles"), answer.userClaims().keySet());
  }

  @Test
  void rfc7662_2_2_whenOwnActiveAccessToken_thenActiveWithEveryMember() {
    String token = issue("alice").accessToken();

    Introspection answer = introspect(token, NO_HINT, app);

    assertEquals(
        new Introspection(
            true,
            "api openid",
            "app",
            "alice",
            "alice@example.com",
            "Bearer",
            start.plus(settings.accessTokenTtl()),
            start,
            ISSUER,
            List.of(ISSUER)),
        answer);
  }

  @Test
  void rfc7662_2_2_whenOwnActiveRefreshToken_thenActiveWithRefreshTokenType() {
    String token = issue("alice").refreshToken().orElseThrow();
    clock.advance(Duration.ofHours(1));

    Introspection answer = introspect(token, NO_HINT, app);

    assertEquals(
        new Introspection(
            true,
            "api openid",
            "app",
            "alice",
            "alice@example.com",
            "refresh_token",
            start.plus(settings.refreshTokenTtl()),
            start,
            ISSUER),
        answer);
  }

  @Test
  void rfc7662_2_2_whenAccessTokenExpired_thenInactive() {
    String token = issue("alice").accessToken();
    clock.advance(settings.accessTokenTtl());

    assertEquals(Introspection.inactive(), introspect(token, NO_HINT, app));
  }

  @Test
  void rfc7662_2_2_whenRefreshTokenExpired_thenInactive() {
    String token = issue("alice").refreshToken().orElseThrow();
    clock.advance(settings.refreshTokenTtl());

    assertEquals(Introspection.inactive(), introspect(token, REFRESH_HINT, app));
  }

  @Test
  void rfc7662_2_2_whenAccessTokenRevoked_thenInactive() {
    String token = issue("alice").accessToken();
    accessTokens.revoke(TokenHash.of(token), clock.instant());

    assertEquals(Introspection.inactive(), introspect(token, NO_HINT, app));
  }

  @Test
  void rfc7662_2_2_whenGrantRevoked_thenAccessAndRefreshTokenInactive() {
    TokenResponse r = issue("alice");
    revoker.revokeGrant(GRANT, clock.instant());

    assertEquals(Introspection.inactive(), introspect(r.accessToken(), NO_HINT, app));
    assertEquals(Introspection.inactive(), introspect(r.refreshToken().orElseThrow(), REFRESH_HINT, app));
  }

  @Test
  void rfc7662_2_2_whenRefreshTokenRotated_thenInactive() {
    String token = issue("alice").refreshToken().orElseThrow();
    assertTrue(refreshTokens.markRotated(TokenHash.of(token), clock.instant()));

    assertEquals(Introspection.inactive(), introspect(token, REFRESH_HINT, app));
  }

  @Test
  void rfc7662_2_2_whenTokenUnknown_thenInactiveAfterAskingBothStores() {
    assertEquals(Introspection.inactive(), introspect("never-issued", NO_HINT, app));

    assertEquals(List.of("access.findActive", "refresh.find"), calls);
  }

  @Test
  void rfc7662_2_1_whenTokenMalformed_thenInactiveWithoutAnyStoreCall() {
    char[] tooLong = new char[TokenLookup.MAX_LENGTH + 1];
    Arrays.fill(tooLong, 'a');
    for (String malformed :
        new String[] {null, "", new String(tooLong), "abc\u0000def", "abc\ndef", "abc def", "abc\u007f", "\u00e9t\u00e9"}) {
      assertEquals(Introspection.inactive(), introspect(malformed, NO_HINT, app));
    }

    assertEquals(List.of(), calls);
  }

  @Test
  void rfc7662_2_1_whenRefreshHintAndRefreshToken_thenOnlyRefreshStoreAsked() {
    String token = issue("alice").refreshToken().orElseThrow();

    assertTrue(introspect(token, REFRESH_HINT, app).active());

    assertEquals(List.of("refresh.find"), calls);
  }

  @Test
  void rfc7662_2_1_whenRefreshHintButAccessToken_thenRefreshStoreFirstThenAccessStore() {
    String token = issue("alice").accessToken();

    Introspection answer = introspect(token, REFRESH_HINT, app);

    assertEquals("Bearer", answer.tokenType());
    assertEquals(List.of("refresh.find", "access.findActive"), calls);
  }

  @Test
  void rfc7662_2_1_whenNoHintAndAccessToken_thenOnlyAccessStoreAsked() {
    String token = issue("alice").accessToken();

    assertTrue(introspect(token, NO_HINT, app).active());

    assertEquals(List.of("access.findActive"), calls);
  }

  @Test
  void rfc7662_2_1_whenAccessHintNoHintOrUnknownHintButRefreshToken_thenAccessStoreFirstThenRefreshStore() {
    String token = issue("alice").refreshToken().orElseThrow();

    List<Optional<String>> hints =
        List.of(ACCESS_HINT, NO_HINT, Optional.of("id_token"), Optional.of("REFRESH_TOKEN"));
    for (Optional<String> hint : hints) {
      calls.clear();

      assertEquals("refresh_token", introspect(token, hint, app).tokenType());
      assertEquals(List.of("access.findActive", "refresh.find"), calls, () -> "hint " + hint);
    }
  }

  @Test
  void rfc7662_2_2_whenTokenIssuedToAnotherClient_thenInactive() {
    TokenResponse r = issue("alice");

    assertEquals(Introspection.inactive(), introspect(r.accessToken(), NO_HINT, other));
    assertEquals(Introspection.inactive(), introspect(r.refreshToken().orElseThrow(), REFRESH_HINT, other));
    assertEquals(List.of(), users.lookups());
  }

  @Test
  void rfc7662_2_2_whenCallerIsResourceServer_thenOtherClientsTokenActive() {
    TokenResponse r = issue("alice");

    Introspection access = introspect(r.accessToken(), NO_HINT, resourceServer);
    Introspection refresh = introspect(r.refreshToken().orElseThrow(), REFRESH_HINT, resourceServer);

    assertTrue(access.active());
    assertEquals("app", access.clientId());
    assertEquals("alice", access.subject());
    assertTrue(refresh.active());
    assertEquals("app", refresh.clientId());
  }

  @Test
  void rfc7662_2_2_whenResourceServerAsksAboutExpiredToken_thenStillInactive() {
    String token = issue("alice").accessToken();
    clock.advance(settings.accessTokenTtl());

    assertEquals(Introspection.inactive(), introspect(token, NO_HINT, resourceServer));
  }

  @Test
  void rfc7662_2_2_whenSubjectHasNoUsername_thenSubjectWithoutUsername() {
    String token = issue("bob").accessToken();

    Introspection answer = introspect(token, NO_HINT, app);

    assertEquals("bob", answer.subject());
    assertNull(answer.username());
    assertEquals(List.of("bob"), users.lookups());
  }

  @Test
  void rfc7662_2_2_whenClientCredentialsToken_thenNoSubjectNoUsernameAndNoLookup() {
    TokenRequest request =
        new TokenRequest(
            "client_credentials", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.of("api"));
    String token = new ClientCredentialsGrantHandler(issuer).handle(request, app).accessToken();

    Introspection answer = introspect(token, NO_HINT, app);

    assertTrue(answer.active());
    assertEquals("app", answer.clientId());
    assertEquals("api", answer.scope());
    assertEquals("Bearer", answer.tokenType());
    assertNull(answer.subject());
    assertNull(answer.username());
    assertEquals(List.of(), users.lookups());
  }

  @Test
  void rfc6749_3_3_whenTokenHasNoScope_thenScopeAbsent() {
    String token = issuer.issue(IssueRequest.of(GRANT, app, TokenIssuer.Rights.of(Set.of()))
        .forSubject("alice")).accessToken();

    Introspection answer = introspect(token, NO_HINT, app);

    assertTrue(answer.active());
    assertNull(answer.scope());
  }

  @Test
  void houseRule8_whenPrinted_thenNeitherTokenNorHashShown() {
    TokenResponse r = issue("alice");

    for (String token : List.of(r.accessToken(), r.refreshToken().orElseThrow())) {
      String printed = introspect(token, NO_HINT, app).toString();
      assertFalse(printed.contains(token));
      assertFalse(printed.contains(TokenHash.of(token)));
    }
  }

  /** RFC 7662 §2.2 aud; RFC 8707 §2.2: the resource server learns which resources the token is for. */
  @Test
  void rfc8707_2_2_whenTokenForResources_thenAudIsThem_andWithoutAnyTheConfiguredDefault() {
    TokenIntrospector withDefault = new TokenIntrospector(accessTokens, refreshTokens, users, ISSUER,
        "https://api.example", clock);
    TokenIssuer.Rights forOrders = new TokenIssuer.Rights(Set.of("api"),
        Set.of("https://orders.example/", "https://billing.example/"));
    String token = issuer.issue(IssueRequest.of(GRANT, app, forOrders).forSubject("alice")
        .withRefreshToken()).accessToken();
    String plain = issue("alice").accessToken();

    assertEquals(List.of("https://billing.example/", "https://orders.example/"),
        withDefault.introspect(token, NO_HINT, app).audience());
    assertEquals(List.of("https://api.example"), withDefault.introspect(plain, NO_HINT, app).audience());
    String refresh = issue("alice").refreshToken().orElseThrow();
    assertNull(withDefault.introspect(refresh, NO_HINT, app).audience());
  }
}
