package dev.gatehouse.protocol.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.AccessTokenFormat;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.OidcRegistration;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.store.InMemoryUserDirectory;
import dev.gatehouse.protocol.support.MutableClock;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdTokenIssuerTest {
  private static final String ISSUER = "https://login.example";
  private static final String SUB = "3f1c5a2e-0000-4000-8000-000000000001";

  private final MutableClock clock = MutableClock.startingAt2025();
  private final TestSigner signer = new TestSigner();
  private final InMemoryUserDirectory users = new InMemoryUserDirectory().add(new UserClaims(
      SUB, "alice", Optional.of("Alice Example"), Optional.of("Alice"), Optional.of("Example"),
      Optional.of("alice@example.com"), true, Optional.of("+1 555 0100"), false, Optional.of("en-GB"),
      Optional.of("Europe/London"), Map.of("locality", "London", "country", "GB"),
      Instant.parse("2025-01-01T00:00:00Z")));
  private final IdTokenIssuer issuer = new IdTokenIssuer(signer, users, ISSUER, Duration.ofMinutes(10), clock);
  private final Client client = TestClients.confidential("app");
  private final Instant authTime = clock.instant().minusSeconds(30);

  private String issue(Set<String> scopes, Optional<String> nonce) {
    return issuer.issue(client, SUB, scopes, new IdTokenIssuer.Authentication(authTime, nonce, Optional.empty()),
        "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y");
  }

  private static final String MEMBER = "3f1c5a2e-0000-4000-8000-000000000002";

  private JsonObject memberIdToken(Client to, Set<String> scopes) {
    users.add(new UserClaims(MEMBER, "ada", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        false, Optional.empty(), false, Optional.empty(), Optional.empty(), Map.of(), Instant.EPOCH,
        Set.of("platform", "engineering", "Domain Users"), Set.of("release-manager")));
    return IndependentJws.payload(new IdTokenIssuer(signer, users, ISSUER, Duration.ofMinutes(10), clock,
        new GroupsAndRoles(2)).issue(to, MEMBER, scopes,
            new IdTokenIssuer.Authentication(authTime, Optional.empty(), Optional.empty()), "at"));
  }

  @Test
  void whenTheGroupsAndRolesScopesAreGranted_thenTheIdTokenCarriesBoth_sortedAndBounded() {
    JsonObject claims = memberIdToken(client, Set.of("openid", "groups", "roles"));
    assertEquals(List.of("Domain Users", "engineering"),
        claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals(List.of("release-manager"), claims.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
  }

  @Test
  void whenNeitherScopeIsGranted_thenTheIdTokenCarriesNeither() {
    JsonObject claims = memberIdToken(client, Set.of("openid", "profile"));
    assertFalse(claims.containsKey("groups"));
    assertFalse(claims.containsKey("roles"));
  }

  @Test
  void whenTheClientRenamedTheClaims_thenTheIdTokenUsesItsNames() {
    Client renamed = client.toBuilder().claimNames(new dev.gatehouse.protocol.client.ClaimNames("memberOf",
        "http://schemas.microsoft.com/ws/2008/06/identity/claims/role")).build();
    JsonObject claims = memberIdToken(renamed, Set.of("openid", "groups", "roles"));
    assertFalse(claims.containsKey("groups"));
    assertFalse(claims.containsKey("roles"));
    assertEquals(2, claims.getJsonArray("memberOf").size());
    assertEquals("release-manager",
        claims.getJsonArray("http://schemas.microsoft.com/ws/2008/06/identity/claims/role").getString(0));
  }

  @Test
  void oidcCore_2_whenIssued_thenEveryRequiredClaimIsThere() {
    JsonObject claims = IndependentJws.payload(issue(Set.of("openid"), Optional.empty()));
    assertEquals(ISSUER, claims.getString("iss"));
    assertEquals(SUB, claims.getString("sub"));
    assertEquals("app", claims.getString("aud"));
    assertEquals("app", claims.getString("azp"));
    long iat = claims.getJsonNumber("iat").longValue();
    assertEquals(clock.instant().getEpochSecond(), iat);
    assertEquals(iat + 600, claims.getJsonNumber("exp").longValue());
    assertEquals(authTime.getEpochSecond(), claims.getJsonNumber("auth_time").longValue());
    assertEquals("pwd", claims.getJsonArray("amr").getString(0));
    assertFalse(claims.containsKey("nonce"), "no nonce was sent");
  }

  @Test
  void oidcCore_3_1_3_6_whenNonceSent_thenEchoedExactly() {
    JsonObject claims = IndependentJws.payload(issue(Set.of("openid"), Optional.of("n-0S6_WzA2Mj")));
    assertEquals("n-0S6_WzA2Mj", claims.getString("nonce"));
  }

  /** The access token and at_hash of OpenID Connect Core Appendix A.3, computed by the spec's authors. */
  @Test
  void oidcCore_3_3_2_11_atHash_matchesTheSpecExample() {
    assertEquals("77QmUPtjPfzWtF2AnpK9RQ", IdTokenIssuer.atHash("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"));
    JsonObject claims = IndependentJws.payload(issue(Set.of("openid"), Optional.empty()));
    assertEquals("77QmUPtjPfzWtF2AnpK9RQ", claims.getString("at_hash"));
  }

  @Test
  void rs256_whenDefaultClient_thenSignatureVerifiesWithTheJdkAlone() {
    String token = issue(Set.of("openid"), Optional.empty());
    assertEquals("RS256", IndependentJws.header(token).getString("alg"));
    assertEquals(signer.rsa().getKeyID(), IndependentJws.header(token).getString("kid"));
    JsonObject jwk = IndependentJws.json(signer.rsa().toPublicJWK().toJSONString());
    assertTrue(IndependentJws.verifies(token, jwk));
    String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    assertFalse(IndependentJws.verifies(tampered, jwk), "a changed signature must not verify");
  }

  @Test
  void oidcRegistration_2_whenClientChoseEs256_thenSignedWithEs256() {
    Client es = client.toBuilder()
        .oidc(new OidcRegistration("ES256", AccessTokenFormat.OPAQUE, List.of(), Optional.empty())).build();
    String token = issuer.issue(es, SUB, Set.of("openid"),
        new IdTokenIssuer.Authentication(authTime, Optional.empty(), Optional.empty()), "at");
    assertEquals("ES256", IndependentJws.header(token).getString("alg"));
    assertTrue(IndependentJws.verifies(token, IndependentJws.json(signer.ec().toPublicJWK().toJSONString())));
    assertFalse(IndependentJws.verifies(token, IndependentJws.json(
        new TestSigner().ec().toPublicJWK().toJSONString())), "another key must not verify it");
  }

  @Test
  void oidcCore_5_4_whenOnlyOpenid_thenNoProfileClaims() {
    JsonObject claims = IndependentJws.payload(issue(Set.of("openid"), Optional.empty()));
    for (String claim : List.of("name", "preferred_username", "email", "phone_number", "address")) {
      assertFalse(claims.containsKey(claim), claim);
    }
  }

  @Test
  void oidcCore_5_4_whenEveryScope_thenTheirClaimsFromTheUser() {
    JsonObject claims =
        IndependentJws.payload(issue(Set.of("openid", "profile", "email", "phone", "address"), Optional.empty()));
    assertEquals("Alice Example", claims.getString("name"));
    assertEquals("Alice", claims.getString("given_name"));
    assertEquals("Example", claims.getString("family_name"));
    assertEquals("alice", claims.getString("preferred_username"));
    assertEquals("en-GB", claims.getString("locale"));
    assertEquals(Instant.parse("2025-01-01T00:00:00Z").getEpochSecond(),
        claims.getJsonNumber("updated_at").longValue());
    assertEquals("alice@example.com", claims.getString("email"));
    assertTrue(claims.getBoolean("email_verified"));
    assertEquals("+1 555 0100", claims.getString("phone_number"));
    assertFalse(claims.getBoolean("phone_number_verified"));
    assertEquals("London", claims.getJsonObject("address").getString("locality"));
  }

  @Test
  void whenUserNoLongerExists_thenInvalidGrant() {
    OAuthException e = assertThrows(OAuthException.class, () -> issuer.issue(client, "gone", Set.of("openid"),
        new IdTokenIssuer.Authentication(authTime, Optional.empty(), Optional.empty()), "at"));
    assertEquals(OAuthErrorCode.INVALID_GRANT, e.code());
  }
}
