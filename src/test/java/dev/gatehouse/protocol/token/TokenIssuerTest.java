package dev.gatehouse.protocol.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.oidc.IdTokenIssuer;
import dev.gatehouse.protocol.oidc.IndependentJws;
import dev.gatehouse.protocol.oidc.TestSigner;
import dev.gatehouse.protocol.oidc.UserClaims;
import dev.gatehouse.protocol.store.AccessToken;
import dev.gatehouse.protocol.store.InMemoryAccessTokenStore;
import dev.gatehouse.protocol.store.InMemoryRefreshTokenStore;
import dev.gatehouse.protocol.store.InMemoryUserDirectory;
import dev.gatehouse.protocol.store.RefreshToken;
import dev.gatehouse.protocol.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {
  private final MutableClock clock = MutableClock.startingAt2025();
  private final InMemoryAccessTokenStore accessTokens = new InMemoryAccessTokenStore();
  private final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore();
  private final TokenSettings settings = TokenSettings.defaults();
  private final TokenIssuer issuer = new TokenIssuer(accessTokens, refreshTokens, settings, clock);
  private final Client client = TestClients.confidential("app");
  private final Instant authTime = clock.instant().minusSeconds(30);

  @Test
  void rfc6749_10_3_whenIssued_thenStoresSeeOnlyHashesNeverPlaintext() {
    TokenResponse response = issuer.issue(IssueRequest.of("grant-1", client, TokenIssuer.Rights.of(Set.of("openid")))
        .forSubject("alice").withRefreshToken().authenticatedAt(authTime));
    String access = response.accessToken();
    String refresh = response.refreshToken().orElseThrow();

    AccessToken storedAccess = accessTokens.all().get(0);
    RefreshToken storedRefresh = refreshTokens.all().get(0);
    assertEquals(TokenHash.of(access), storedAccess.hash());
    assertEquals(TokenHash.of(refresh), storedRefresh.hash());
    for (String stored : new String[] {storedAccess.toString(), storedRefresh.toString()}) {
      assertFalse(stored.contains(access));
      assertFalse(stored.contains(refresh));
    }
  }

  @Test
  void rfc6749_5_1_whenIssuedWithRefresh_thenBearerResponseAndStoredRecordsCarryGrant() {
    TokenResponse r = issuer.issue(IssueRequest.of("grant-1", client, TokenIssuer.Rights.of(Set.of("openid", "email")))
        .forSubject("alice").withRefreshToken().authenticatedAt(authTime));

    assertEquals("Bearer", r.tokenType());
    assertEquals(600, r.expiresIn());
    assertEquals("email openid", r.scope());
    assertTrue(r.refreshToken().isPresent());
    assertNotEquals(r.accessToken(), r.refreshToken().get());
    AccessToken a = accessTokens.findActive(TokenHash.of(r.accessToken()), clock.instant()).orElseThrow();
    assertEquals("grant-1", a.grantId());
    assertEquals("app", a.clientId());
    assertEquals("alice", a.subject());
    assertEquals("grant-1", r.grantId(), "the response names its grant, for the audit trail");
    assertEquals("alice", r.subject());
    assertFalse(r.toString().contains(r.accessToken()), "never a token in toString");
    assertEquals(clock.instant().plus(Duration.ofMinutes(10)), a.expiresAt());
    RefreshToken rt = refreshTokens.find(TokenHash.of(r.refreshToken().get())).orElseThrow();
    assertEquals(clock.instant().plus(Duration.ofDays(30)), rt.expiresAt());
    assertEquals(authTime, rt.authTime());
    assertNull(rt.rotatedAt());
    assertNull(rt.revokedAt());
  }

  @Test
  void rfc6749_5_1_whenRefreshNotRequested_thenNoRefreshTokenIssuedOrStored() {
    TokenResponse r = issuer.issue(IssueRequest.of("grant-1", client, TokenIssuer.Rights.of(Set.of("api"))));

    assertTrue(r.refreshToken().isEmpty());
    assertTrue(refreshTokens.all().isEmpty());
    assertNull(accessTokens.all().get(0).subject());
    assertNull(r.subject(), "a client acting on its own behalf: no subject");
  }

  @Test
  void rfc6749_6_whenAccessScopesNarrowed_thenRefreshTokenKeepsOriginalScopes() {
    TokenResponse r =
        issuer.issue(IssueRequest.of("grant-1", client, TokenIssuer.Rights.of(Set.of("openid"))).forSubject("alice")
            .withRefreshToken(TokenIssuer.Rights.of(Set.of("openid", "email"))).authenticatedAt(authTime));

    assertEquals("openid", r.scope());
    assertEquals(Set.of("openid"), accessTokens.all().get(0).scopes());
    assertEquals(Set.of("openid", "email"), refreshTokens.all().get(0).scopes());
  }

  @Test
  void rfc6749_4_2_2_whenAccessTokenExpires_thenNoLongerActive() {
    TokenResponse r = issuer.issue(IssueRequest.of("grant-1", client, TokenIssuer.Rights.of(Set.of("openid")))
        .forSubject("alice").authenticatedAt(authTime));
    clock.advance(settings.accessTokenTtl());

    assertTrue(accessTokens.findActive(TokenHash.of(r.accessToken()), clock.instant()).isEmpty());
  }

  @Test
  void rfc6749_10_3_whenResponsePrinted_thenNoTokenValues() {
    TokenResponse r = issuer.issue(IssueRequest.of("grant-1", client, TokenIssuer.Rights.of(Set.of("openid")))
        .forSubject("alice").withRefreshToken().authenticatedAt(authTime));

    assertFalse(r.toString().contains(r.accessToken()));
    assertFalse(r.toString().contains(r.refreshToken().orElseThrow()));
  }

  @Test
  void rfc6749_10_10_whenIssuedTwice_thenDifferentTokens() {
    TokenResponse a = issuer.issue(IssueRequest.of("grant-1", client, TokenIssuer.Rights.of(Set.of("openid")))
        .forSubject("alice").withRefreshToken().authenticatedAt(authTime));
    TokenResponse b = issuer.issue(IssueRequest.of("grant-1", client, TokenIssuer.Rights.of(Set.of("openid")))
        .forSubject("alice").withRefreshToken().authenticatedAt(authTime));

    assertNotEquals(a.accessToken(), b.accessToken());
    assertNotEquals(a.refreshToken(), b.refreshToken());
    assertEquals(64, TokenHash.of(a.accessToken()).length());
  }

  @Test
  void oidcCore_3_1_3_3_whenOpenidAndAUser_thenIdTokenWhoseAtHashIsThisAccessToken() {
    TokenResponse response = oidcIssuer().issue(openid("grant-1").withRefreshToken()
        .withIdToken(Optional.of("n1"), Optional.empty()));
    String idToken = response.idToken().orElseThrow();
    assertEquals(IdTokenIssuer.atHash(response.accessToken()),
        IndependentJws.payload(idToken).getString("at_hash"));
    assertEquals("n1", IndependentJws.payload(idToken).getString("nonce"));
    assertFalse(response.toString().contains(idToken), "toString never shows a token");
  }

  @Test
  void whenNoOpenidScope_orNoUser_thenNoIdToken() {
    IssueRequest api = IssueRequest.of("g", client, TokenIssuer.Rights.of(Set.of("api"))).forSubject("alice")
        .authenticatedAt(authTime).withIdToken(Optional.empty(), Optional.empty());
    IssueRequest noUser = IssueRequest.of("g", client, TokenIssuer.Rights.of(Set.of("openid")))
        .authenticatedAt(authTime).withIdToken(Optional.empty(), Optional.empty());
    assertTrue(oidcIssuer().issue(api).idToken().isEmpty());
    assertTrue(oidcIssuer().issue(noUser).idToken().isEmpty());
    assertTrue(oidcIssuer().issue(IssueRequest.of("g", client, TokenIssuer.Rights.of(Set.of("openid")))
        .forSubject("alice")).idToken().isEmpty());
  }

  @Test
  void whenIdTokenNotAsked_thenNone_evenForAUserWithOpenidAndASignInTime() {
    TokenResponse r = oidcIssuer().issue(openid("g"));

    assertTrue(r.idToken().isEmpty());
    assertEquals(1, accessTokens.all().size(), "the access token is issued all the same");
  }

  @Test
  void oidcCore_2_whenIdTokenAskedWithASession_thenSidAndAuthTimeCarried_andNoNonceUnlessGiven() {
    String idToken = oidcIssuer().issue(openid("g").withIdToken(Optional.empty(), Optional.of("sid-1")))
        .idToken().orElseThrow();

    assertEquals("sid-1", IndependentJws.payload(idToken).getString("sid"));
    assertEquals(authTime.getEpochSecond(), IndependentJws.payload(idToken).getJsonNumber("auth_time").longValue());
    assertFalse(IndependentJws.payload(idToken).containsKey("nonce"));
  }

  @Test
  void oidcCore_2_whenIdTokenAskedWithoutASignInTime_thenRefusedBeforeAnythingIsIssued() {
    IssueRequest withoutSignIn = IssueRequest.of("g", client, TokenIssuer.Rights.of(Set.of("openid")))
        .forSubject("alice");

    assertThrows(IllegalArgumentException.class, () -> withoutSignIn.withIdToken(Optional.empty(), Optional.empty()));
    assertTrue(accessTokens.all().isEmpty());
  }

  /** Tokens with {@code openid} for alice, who signed in at {@link #authTime}; no refresh token, no ID token yet. */
  private IssueRequest openid(String grantId) {
    return IssueRequest.of(grantId, client, TokenIssuer.Rights.of(Set.of("openid"))).forSubject("alice")
        .authenticatedAt(authTime);
  }

  private TokenIssuer oidcIssuer() {
    InMemoryUserDirectory users = new InMemoryUserDirectory().add(new UserClaims("alice", "alice", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false, Optional.empty(),
        Optional.empty(), Map.of(), authTime));
    return new TokenIssuer(accessTokens, refreshTokens, settings, clock,
        new IdTokenIssuer(new TestSigner(), users, "https://login.example", Duration.ofMinutes(5), clock), null);
  }
}
