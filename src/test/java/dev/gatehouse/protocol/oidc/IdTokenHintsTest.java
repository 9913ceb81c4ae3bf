package dev.gatehouse.protocol.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.logout.LogoutTokens;
import dev.gatehouse.protocol.store.InMemoryClientStore;
import dev.gatehouse.protocol.store.InMemoryUserDirectory;
import dev.gatehouse.protocol.support.MutableClock;
import dev.gatehouse.protocol.token.JwtAccessTokens;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdTokenHintsTest {
  private static final String ISSUER = "https://login.example";

  private final MutableClock clock = MutableClock.startingAt2025();
  private final TestSigner signer = new TestSigner();
  private final InMemoryUserDirectory users = new InMemoryUserDirectory().add(new UserClaims("sub-1", "alice",
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false,
      Optional.empty(), Optional.empty(), Map.of(), clock.instant()));
  private final IdTokenHints hints = new IdTokenHints(signer, ISSUER);

  private String idToken(TestSigner by, String issuer) {
    return new IdTokenIssuer(by, users, issuer, Duration.ofMinutes(10), clock).issue(TestClients.confidential("app"),
        "sub-1", Set.of("openid"), new IdTokenIssuer.Authentication(clock.instant(), Optional.empty(),
            Optional.of("sid-1")), "at");
  }

  @Test
  void oidcCore_3_1_2_1_whenOwnIdToken_thenSubjectClientAndSession() {
    IdTokenHints.Hint hint = hints.verify(idToken(signer, ISSUER), Optional.of("app"));
    assertEquals("sub-1", hint.subject());
    assertEquals("app", hint.clientId());
    assertEquals(Optional.of("sid-1"), hint.sessionId());
  }

  @Test
  void rpInitiatedLogout_whenHintExpired_thenStillAccepted() {
    String token = idToken(signer, ISSUER);
    clock.advance(Duration.ofDays(2));
    assertEquals("sub-1", hints.verify(token, Optional.empty()).subject());
  }

  @Test
  void whenIssuedToAnotherClient_thenInvalidRequest() {
    assertInvalid(idToken(signer, ISSUER), Optional.of("other"));
  }

  @Test
  void whenSignedByAKeyThisServerDoesNotPublish_thenInvalidRequest() {
    assertInvalid(idToken(new TestSigner(), ISSUER), Optional.of("app"));
  }

  @Test
  void whenAnotherIssuer_thenInvalidRequest() {
    assertInvalid(idToken(signer, "https://evil.example"), Optional.of("app"));
  }

  @Test
  void whenMalformedOrUnsigned_thenInvalidRequest() {
    assertInvalid("not-a-jwt", Optional.empty());
    String token = idToken(signer, ISSUER);
    assertInvalid(token.substring(0, token.lastIndexOf('.') + 1), Optional.empty());
    // alg "none" with the same payload
    String none = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertInvalid(none + token.substring(token.indexOf('.'), token.lastIndexOf('.') + 1), Optional.empty());
  }

  /** A token signed by this server's key with {@code claims}, the ID token's claims changed by {@code change}. */
  private String signed(JOSEObjectType type, java.util.function.UnaryOperator<JWTClaimsSet.Builder> change) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("sub-1").audience("app")
        .claim("azp", "app").issueTime(java.util.Date.from(clock.instant()))
        .expirationTime(java.util.Date.from(clock.instant().plusSeconds(600)))
        .claim("auth_time", clock.instant().getEpochSecond()).claim("sid", "sid-1");
    return signer.sign(change.apply(claims).build(), JWSAlgorithm.RS256, type);
  }

  @Test
  void rfc9068_2_1_whenJwtAccessTokenOfThisServer_thenInvalidRequest() {
    Client client = TestClients.confidential("app");
    String accessToken = new JwtAccessTokens(signer, ISSUER, "app")
        .create(client, "sub-1", Set.of("openid"), clock.instant(), clock.instant(), clock.instant().plusSeconds(600));
    assertInvalid(accessToken, Optional.of("app"));
    assertInvalid(accessToken, Optional.empty());
  }

  @Test
  void backchannelLogout_2_4_whenLogoutTokenOfThisServer_thenInvalidRequest() {
    String logoutToken = new LogoutTokens(signer, ISSUER, clock).create(TestClients.confidential("app"), "sub-1",
        "sid-1");
    assertInvalid(logoutToken, Optional.of("app"));
    assertInvalid(logoutToken, Optional.empty());
  }

  @Test
  void whenTypIsNotJwt_thenInvalidRequest() {
    assertInvalid(signed(null, c -> c), Optional.of("app"));
    assertInvalid(signed(JwtAccessTokens.AT_JWT, c -> c), Optional.of("app"));
    assertInvalid(signed(LogoutTokens.LOGOUT_JWT, c -> c), Optional.of("app"));
    assertInvalid(signed(new JOSEObjectType("secevent+jwt"), c -> c), Optional.of("app"));
  }

  @Test
  void whenShapedLikeALogoutToken_thenInvalidRequest() {
    assertInvalid(signed(JOSEObjectType.JWT, c -> c.claim("events", Map.of(LogoutTokens.EVENT, Map.of()))),
        Optional.of("app"));
  }

  @Test
  void whenShapedLikeAnAccessToken_thenInvalidRequest() {
    assertInvalid(signed(JOSEObjectType.JWT, c -> c.claim("client_id", "app")), Optional.of("app"));
    assertInvalid(signed(JOSEObjectType.JWT, c -> c.claim("scope", "openid")), Optional.of("app"));
  }

  @Test
  void oidcCore_2_whenAnIdTokenClaimIsMissing_thenInvalidRequest() {
    assertInvalid(signed(JOSEObjectType.JWT, c -> c.claim("azp", null)), Optional.of("app"));
    assertInvalid(signed(JOSEObjectType.JWT, c -> c.claim("azp", "other")), Optional.of("app"));
    assertInvalid(signed(JOSEObjectType.JWT, c -> c.claim("auth_time", null)), Optional.of("app"));
    assertInvalid(signed(JOSEObjectType.JWT, c -> c.issueTime(null)), Optional.of("app"));
    assertInvalid(signed(JOSEObjectType.JWT, c -> c.expirationTime(null)), Optional.of("app"));
  }

  @Test
  void whenAudienceIsNoRegisteredClient_thenInvalidRequest() {
    IdTokenHints withClients = new IdTokenHints(signer, ISSUER, new InMemoryClientStore(TestClients.confidential(
        "app")));
    assertEquals("app", withClients.verify(signed(JOSEObjectType.JWT, c -> c), Optional.empty()).clientId());
    assertInvalid(withClients, signed(JOSEObjectType.JWT, c -> c.audience(ISSUER).claim("azp", ISSUER)),
        Optional.empty());
  }

  @Test
  void whenShapedLikeOurIdToken_thenAccepted() {
    IdTokenHints.Hint hint = hints.verify(signed(JOSEObjectType.JWT, c -> c), Optional.of("app"));
    assertEquals(Optional.of("sid-1"), hint.sessionId());
    assertTrue(hint.issuedInSession("sid-1"));
    assertFalse(hint.issuedInSession("sid-2"));
    IdTokenHints.Hint outsideASession = hints.verify(signed(JOSEObjectType.JWT, c -> c.claim("sid", null)),
        Optional.of("app"));
    assertEquals(Optional.empty(), outsideASession.sessionId());
    assertFalse(outsideASession.issuedInSession("sid-1"));
  }

  private void assertInvalid(String hint, Optional<String> clientId) {
    assertInvalid(hints, hint, clientId);
  }

  private static void assertInvalid(IdTokenHints hints, String hint, Optional<String> clientId) {
    OAuthException e = assertThrows(OAuthException.class, () -> hints.verify(hint, clientId));
    assertEquals(OAuthErrorCode.INVALID_REQUEST, e.code());
  }
}
