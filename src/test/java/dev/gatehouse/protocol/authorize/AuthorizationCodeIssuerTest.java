package dev.gatehouse.protocol.authorize;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.store.AuthorizationCode;
import dev.gatehouse.protocol.store.InMemoryAuthorizationCodeStore;
import dev.gatehouse.protocol.support.MutableClock;
import dev.gatehouse.protocol.token.TokenHash;
import dev.gatehouse.protocol.token.TokenSettings;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizationCodeIssuerTest {
  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  private final MutableClock clock = MutableClock.startingAt2025();
  private final InMemoryAuthorizationCodeStore codes = new InMemoryAuthorizationCodeStore();
  private final AuthorizationCodeIssuer issuer = new AuthorizationCodeIssuer(codes, TokenSettings.defaults(), clock);
  private final Client spa = TestClients.publicClient("spa");
  private final Instant authTime = clock.instant().minusSeconds(3);

  private ValidatedAuthorization request(boolean redirectUriSent) {
    return new ValidatedAuthorization(
        spa, TestClients.REDIRECT, redirectUriSent, Set.of("openid", "api"), Optional.of("st"),
        Optional.of(CHALLENGE), Optional.of("n1"), Set.of());
  }

  @Test
  void rfc6749_4_1_2_whenIssued_thenOnlyHashStoredWithBindingsAndShortExpiry() {
    String code = issuer.issue(request(true), "alice", authTime, Set.of("openid"));

    AuthorizationCode stored = codes.all().get(0);
    assertEquals(TokenHash.of(code), stored.hash());
    assertFalse(stored.toString().contains(code));
    assertEquals("spa", stored.clientId());
    assertEquals("alice", stored.subject());
    assertEquals(TestClients.REDIRECT, stored.redirectUri());
    assertEquals(Set.of("openid"), stored.scopes());
    assertEquals(CHALLENGE, stored.codeChallenge());
    assertEquals("n1", stored.nonce());
    assertEquals(authTime, stored.authTime());
    assertEquals(clock.instant(), stored.issuedAt());
    assertEquals(clock.instant().plusSeconds(60), stored.expiresAt());
    assertEquals(43, code.length());
  }

  @Test
  void rfc6749_4_1_3_whenRedirectUriWasNotSent_thenStoredAsNull() {
    issuer.issue(request(false), "alice", authTime, Set.of("openid"));

    assertNull(codes.all().get(0).redirectUri());
  }

  @Test
  void rfc6749_4_1_2_whenIssuedTwice_thenDistinctCodesAndGrants() {
    String a = issuer.issue(request(true), "alice", authTime, Set.of("openid"));
    String b = issuer.issue(request(true), "alice", authTime, Set.of("openid"));

    assertNotEquals(a, b);
    assertNotEquals(codes.all().get(0).grantId(), codes.all().get(1).grantId());
  }

  @Test
  void rfc6749_3_3_whenGrantedScopesExceedRequest_thenInvalidScope() {
    assertOAuthError(
        OAuthErrorCode.INVALID_SCOPE, () -> issuer.issue(request(true), "alice", authTime, Set.of("openid", "email")));
  }

  @Test
  void rfc8707_2_1_whenRequestNamedResources_thenBoundToTheCode() {
    ValidatedAuthorization base = request(true);
    ValidatedAuthorization withResources = new ValidatedAuthorization(base.client(), base.redirectUri(), true,
        base.scopes(), base.state(), base.codeChallenge(), base.nonce(), base.prompt(), base.maxAge(),
        base.loginHint(), base.uiLocales(), base.idTokenHint(), Set.of("https://orders.example/api"));
    String forOrders = issuer.issue(withResources, "alice", authTime, Set.of("openid"));
    String forNone = issuer.issue(base, "alice", authTime, Set.of("openid"));

    assertEquals(Set.of("https://orders.example/api"), stored(forOrders).resources());
    assertEquals(Set.of(), stored(forNone).resources());
  }

  private AuthorizationCode stored(String code) {
    return codes.all().stream().filter(c -> c.hash().equals(TokenHash.of(code))).findFirst().orElseThrow();
  }
}
