package dev.gatehouse.protocol.grant;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.AccessPolicy;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.pkce.Pkce;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.store.AccessToken;
import dev.gatehouse.protocol.store.AuthorizationCode;
import dev.gatehouse.protocol.store.GrantRevoker;
import dev.gatehouse.protocol.store.InMemoryAccessTokenStore;
import dev.gatehouse.protocol.store.InMemoryAuthorizationCodeStore;
import dev.gatehouse.protocol.store.InMemoryGrantRevoker;
import dev.gatehouse.protocol.store.InMemoryGrantStore;
import dev.gatehouse.protocol.store.InMemoryRefreshTokenStore;
import dev.gatehouse.protocol.store.RecordingAccessTokenStore;
import dev.gatehouse.protocol.store.RecordingGrantStore;
import dev.gatehouse.protocol.store.RecordingRefreshTokenStore;
import dev.gatehouse.protocol.store.ResourceOwnerStatus;
import dev.gatehouse.protocol.support.MutableClock;
import dev.gatehouse.protocol.support.RandomTokens;
import dev.gatehouse.protocol.token.TokenHash;
import dev.gatehouse.protocol.token.TokenIssuer;
import dev.gatehouse.protocol.token.TokenResponse;
import dev.gatehouse.protocol.token.TokenSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AuthorizationCodeGrantHandlerTest {
  private static final String GRANT = "grant-1";
  private static final String REDIRECT = TestClients.REDIRECT;
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  private final MutableClock clock = MutableClock.startingAt2025();
  private final TokenSettings settings = TokenSettings.defaults();
  private final InMemoryAuthorizationCodeStore codes = new InMemoryAuthorizationCodeStore();
  private final InMemoryAccessTokenStore accessTokens = new InMemoryAccessTokenStore();
  private final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore();
  private final InMemoryGrantStore grants = new InMemoryGrantStore();
  private final InMemoryGrantRevoker revoker = new InMemoryGrantRevoker(accessTokens, refreshTokens, grants);
  /** The users' roles: none unless a test gives some. */
  private final Map<String, AccessPolicy.Member> memberships = new HashMap<>();
  private final ResourceOwnerStatus members = new ResourceOwnerStatus() {
    @Override
    public boolean isActive(String subject) {
      return true;
    }

    @Override
    public AccessPolicy.Member member(String subject) {
      return memberships.getOrDefault(subject, AccessPolicy.Member.NOBODY);
    }
  };
  private final TokenIssuer issuer = new TokenIssuer(accessTokens, refreshTokens, settings, clock);
  private final AuthorizationCodeGrantHandler handler =
      new AuthorizationCodeGrantHandler(codes, grants, revoker, issuer, settings, members, clock);
  private final Client app = TestClients.confidential("app");
  private final Client spa = TestClients.publicClient("spa");

  private String storeCode(String clientId, String redirectUri, String challenge) {
    String code = RandomTokens.generate();
    Instant now = clock.instant();
    codes.save(
        new AuthorizationCode(
            TokenHash.of(code), GRANT, clientId, "alice", redirectUri, Set.of("openid", "api"), challenge, "n-0S6",
            now.minusSeconds(5), now, now.plus(settings.codeTtl())));
    return code;
  }

  private static TokenRequest request(String code, String redirectUri, String verifier) {
    return new TokenRequest(
        "authorization_code",
        Optional.ofNullable(code),
        Optional.ofNullable(redirectUri),
        Optional.ofNullable(verifier),
        Optional.empty(),
        Optional.empty());
  }

  private boolean active(String accessToken) {
    return accessTokens.findActive(TokenHash.of(accessToken), clock.instant()).isPresent();
  }

  @Test
  void rfc6749_5_2_whenTheUserIsOutsideTheClientsAccessPolicyAtRedemption_thenInvalidGrantAndNoTokens() {
    Client staffOnly = app.toBuilder().accessPolicy(new AccessPolicy(Set.of("staff"), Set.of())).build();
    String code = storeCode("app", REDIRECT, null);

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> handler.handle(request(code, REDIRECT, null), staffOnly));

    assertEquals(List.of(GrantRevoker.Cause.ACCESS_POLICY), revoker.causes());
    assertTrue(accessTokens.all().isEmpty(), "no token issued");
    assertTrue(grants.find(GRANT).isEmpty(), "no grant opened");
  }

  @Test
  void rfc6749_4_1_3_whenTheUserHoldsARoleOfTheClientsAccessPolicy_thenTokensIssued() {
    Client staffOnly = app.toBuilder().accessPolicy(new AccessPolicy(Set.of("staff"), Set.of())).build();
    memberships.put("alice", new AccessPolicy.Member(Set.of("staff"), Set.of()));
    String code = storeCode("app", REDIRECT, null);

    TokenResponse r = handler.handle(request(code, REDIRECT, null), staffOnly);

    assertTrue(active(r.accessToken()));
    assertTrue(revoker.causes().isEmpty());
  }

  @Test
  void rfc6749_4_1_3_whenValidCode_thenTokensIssuedForTheCodesGrant() {
    String code = storeCode("app", REDIRECT, null);

    TokenResponse r = handler.handle(request(code, REDIRECT, null), app);

    assertEquals("api openid", r.scope());
    assertTrue(r.refreshToken().isPresent());
    AccessToken stored = accessTokens.findActive(TokenHash.of(r.accessToken()), clock.instant()).orElseThrow();
    assertEquals(GRANT, stored.grantId());
    assertEquals("alice", stored.subject());
    assertEquals(GrantType.AUTHORIZATION_CODE, handler.grantType());
  }

  @Test
  void rfc6749_4_1_3_whenClientLacksRefreshGrant_thenNoRefreshToken() {
    Client noRefresh = TestClients.withGrants(app, Set.of(GrantType.AUTHORIZATION_CODE));
    String code = storeCode("app", REDIRECT, null);

    assertTrue(handler.handle(request(code, REDIRECT, null), noRefresh).refreshToken().isEmpty());
  }

  @Test
  void rfc6749_4_1_2_whenCodeReplayed_thenInvalidGrantAndGrantRevoked() {
    String code = storeCode("app", REDIRECT, null);
    TokenResponse first = handler.handle(request(code, REDIRECT, null), app);

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> handler.handle(request(code, REDIRECT, null), app));

    assertEquals(List.of(GRANT), revoker.revokedGrants());
    assertTrue(!active(first.accessToken()));
    assertTrue(refreshTokens.all().stream().allMatch(t -> t.revokedAt() != null));
    assertTrue(grants.find(GRANT).orElseThrow().revoked());
  }

  @Test
  void rfc6749_4_1_3_whenValidCode_thenGrantOpenedForClientSubjectScopesAndRefreshLifetime() {
    String code = storeCode("app", REDIRECT, null);
    clock.advance(Duration.ofSeconds(3));
    Instant now = clock.instant();

    handler.handle(request(code, REDIRECT, null), app);

    InMemoryGrantStore.StoredGrant grant = grants.find(GRANT).orElseThrow();
    assertEquals("app", grant.clientId());
    assertEquals("alice", grant.subject());
    assertEquals(Set.of("openid", "api"), grant.scopes());
    assertEquals(now, grant.openedAt());
    assertEquals(now.plus(settings.refreshTokenTtl()), grant.expiresAt());
    assertFalse(grant.revoked());
  }

  @Test
  void rfc7009_2_1_whenCodeRedeemed_thenGrantOpenedBeforeAnyTokenRefersToIt() {
    List<String> calls = new ArrayList<>();
    TokenIssuer recordingIssuer =
        new TokenIssuer(
            new RecordingAccessTokenStore(accessTokens, calls),
            new RecordingRefreshTokenStore(refreshTokens, calls),
            settings,
            clock);
    AuthorizationCodeGrantHandler recorded =
        new AuthorizationCodeGrantHandler(
            codes, new RecordingGrantStore(grants, calls), revoker, recordingIssuer, settings, members, clock);
    String code = storeCode("app", REDIRECT, null);

    recorded.handle(request(code, REDIRECT, null), app);

    assertEquals(List.of("grants.open", "access.save", "refresh.save"), calls);
  }

  @Test
  void rfc7636_4_6_whenVerifierDoesNotMatchS256_thenGrantNotOpened() {
    String code = storeCode("spa", REDIRECT, CHALLENGE);
    String wrong = RandomTokens.generate();

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> handler.handle(request(code, REDIRECT, wrong), spa));

    assertTrue(grants.find(GRANT).isEmpty());
    assertTrue(accessTokens.all().isEmpty());
  }

  @Test
  void rfc6749_4_1_3_whenCodeIssuedToAnotherClient_thenGrantNotOpened() {
    String code = storeCode("other", REDIRECT, null);

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> handler.handle(request(code, REDIRECT, null), app));

    assertEquals(0, grants.size());
  }

  @Test
  void rfc6749_4_1_3_whenCodeUnknown_thenInvalidGrantWithoutRevocation() {
    assertOAuthError(
        OAuthErrorCode.INVALID_GRANT, () -> handler.handle(request("never-issued", REDIRECT, null), app));
    assertTrue(revoker.revokedGrants().isEmpty());
  }

  @Test
  void rfc6749_4_1_3_whenCodeMissing_thenInvalidRequest() {
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> handler.handle(request(null, REDIRECT, null), app));
  }

  @Test
  void rfc6749_4_1_2_whenCodeExpired_thenInvalidGrant() {
    String code = storeCode("app", REDIRECT, null);
    clock.advance(settings.codeTtl());

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> handler.handle(request(code, REDIRECT, null), app));
  }

  @Test
  void rfc6749_4_1_2_whenCodeJustBeforeExpiry_thenAccepted() {
    String code = storeCode("app", REDIRECT, null);
    clock.advance(settings.codeTtl().minus(Duration.ofMillis(1)));

    handler.handle(request(code, REDIRECT, null), app);
  }

  @Test
  void rfc6749_4_1_3_whenCodeIssuedToAnotherClient_thenInvalidGrant() {
    String code = storeCode("other", REDIRECT, null);

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> handler.handle(request(code, REDIRECT, null), app));
  }

  @Test
  void rfc6749_4_1_3_whenRedirectUriDiffers_thenInvalidGrant() {
    String code = storeCode("app", REDIRECT, null);

    assertOAuthError(
        OAuthErrorCode.INVALID_GRANT, () -> handler.handle(request(code, REDIRECT + "/", null), app));
  }

  @Test
  void rfc6749_4_1_3_whenRedirectUriWasSentButIsMissing_thenInvalidGrant() {
    String code = storeCode("app", REDIRECT, null);

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> handler.handle(request(code, null, null), app));
  }

  @Test
  void rfc6749_4_1_3_whenRedirectUriWasOmittedAndIsOmitted_thenAccepted() {
    String code = storeCode("app", null, null);

    handler.handle(request(code, null, null), app);
  }

  @Test
  void rfc6749_4_1_3_whenRedirectUriWasOmittedButIsSent_thenInvalidGrant() {
    String code = storeCode("app", null, null);

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> handler.handle(request(code, REDIRECT, null), app));
  }

  @Test
  void rfc7636_4_6_whenVerifierMatchesS256_thenAccepted() {
    String code = storeCode("spa", REDIRECT, CHALLENGE);

    handler.handle(request(code, REDIRECT, VERIFIER), spa);
  }

  @Test
  void rfc7636_4_6_whenVerifierDoesNotMatchS256_thenInvalidGrant() {
    String code = storeCode("spa", REDIRECT, CHALLENGE);
    String wrong = RandomTokens.generate();

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> handler.handle(request(code, REDIRECT, wrong), spa));
  }

  @Test
  void rfc7636_4_6_whenChallengeStoredAndVerifierMissing_thenInvalidGrant() {
    String code = storeCode("app", REDIRECT, CHALLENGE);

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> handler.handle(request(code, REDIRECT, null), app));
  }

  @Test
  void rfc9700_4_8_2_whenNoChallengeStoredButVerifierSent_thenInvalidGrant() {
    String code = storeCode("app", REDIRECT, null);

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> handler.handle(request(code, REDIRECT, VERIFIER), app));
  }

  @Test
  void rfc9700_2_1_1_whenPublicClientCodeHasNoChallenge_thenInvalidGrant() {
    String code = storeCode("spa", REDIRECT, null);

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> handler.handle(request(code, REDIRECT, null), spa));
  }

  @Test
  void rfc7636_4_6_whenConfidentialClientUsesPkce_thenVerifiedToo() {
    String code = storeCode("app", REDIRECT, Pkce.s256(VERIFIER));

    handler.handle(request(code, REDIRECT, VERIFIER), app);
  }

  @Test
  void rfc6749_4_1_2_whenSixteenThreadsRedeemOneCode_thenExactlyOneSucceeds() throws Exception {
    String code = storeCode("app", REDIRECT, null);
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<OAuthErrorCode>> outcomes = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      outcomes.add(
          pool.submit(
              () -> {
                ready.countDown();
                start.await();
                try {
                  handler.handle(request(code, REDIRECT, null), app);
                  return null;
                } catch (OAuthException e) {
                  return e.code();
                }
              }));
    }
    ready.await();
    start.countDown();

    int successes = 0;
    int invalidGrants = 0;
    for (Future<OAuthErrorCode> outcome : outcomes) {
      OAuthErrorCode result = outcome.get(10, TimeUnit.SECONDS);
      if (result == null) {
        successes++;
      } else if (result == OAuthErrorCode.INVALID_GRANT) {
        invalidGrants++;
      }
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    assertEquals(1, successes);
    assertEquals(threads - 1, invalidGrants);
    assertEquals(1, accessTokens.all().size());
    assertEquals(1, grants.size());
    assertEquals(threads - 1, revoker.revokedGrants().size());
  }

  private static final String ORDERS = "https://orders.example/api";
  private static final String BILLING = "https://billing.example/";

  private String storeCodeFor(Set<String> resources) {
    String code = RandomTokens.generate();
    Instant now = clock.instant();
    codes.save(new AuthorizationCode(TokenHash.of(code), GRANT, "app", "alice", REDIRECT, Set.of("openid", "api"),
        null, null, now.minusSeconds(5), now, now.plus(settings.codeTtl()), null, resources));
    return code;
  }

  private static TokenRequest requestFor(String code, String... resources) {
    return new TokenRequest("authorization_code", Optional.of(code), Optional.of(REDIRECT), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(resources));
  }

  private AccessToken stored(TokenResponse response) {
    return accessTokens.findActive(TokenHash.of(response.accessToken()), clock.instant()).orElseThrow();
  }

  @Test
  void rfc8707_2_1_whenCodeForResourcesAndTokenRequestNamesNone_thenTheWholeGrant() {
    Client orders = TestClients.withResources(app, ORDERS, BILLING);
    TokenResponse r = handler.handle(requestFor(storeCodeFor(Set.of(ORDERS, BILLING))), orders);

    assertEquals(Set.of(ORDERS, BILLING), stored(r).resources());
    assertEquals(Set.of(ORDERS, BILLING), refreshTokens.all().get(0).resources());
  }

  @Test
  void rfc8707_2_2_whenTokenRequestNamesOneOfTheGrantedResources_thenNarrowerAccessToken_butTheRefreshKeepsAll() {
    Client orders = TestClients.withResources(app, ORDERS, BILLING);
    TokenResponse r = handler.handle(requestFor(storeCodeFor(Set.of(ORDERS, BILLING)), ORDERS), orders);

    assertEquals(Set.of(ORDERS), stored(r).resources());
    assertEquals(Set.of(ORDERS, BILLING), refreshTokens.all().get(0).resources());
  }

  @Test
  void rfc8707_2_2_whenTokenRequestNamesAResourceOutsideTheGrant_thenInvalidTargetAndNoToken() {
    Client orders = TestClients.withResources(app, ORDERS, BILLING);
    String code = storeCodeFor(Set.of(ORDERS));

    assertOAuthError(OAuthErrorCode.INVALID_TARGET, () -> handler.handle(requestFor(code, BILLING), orders));
    assertTrue(accessTokens.all().isEmpty());
    assertEquals(0, grants.size());
  }

  @Test
  void rfc8707_2_2_whenCodeForNoResourceAndTokenRequestNamesOne_thenInvalidTarget() {
    Client orders = TestClients.withResources(app, ORDERS);
    assertOAuthError(OAuthErrorCode.INVALID_TARGET,
        () -> handler.handle(requestFor(storeCodeFor(Set.of()), ORDERS), orders));
  }
}
