package dev.gatehouse.protocol.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.AccessTokenFormat;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.OidcRegistration;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.oidc.IndependentJws;
import dev.gatehouse.protocol.oidc.TestSigner;
import dev.gatehouse.protocol.store.InMemoryAccessTokenStore;
import dev.gatehouse.protocol.store.InMemoryRefreshTokenStore;
import dev.gatehouse.protocol.support.MutableClock;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtAccessTokensTest {
  private final MutableClock clock = MutableClock.startingAt2025();
  private final TestSigner signer = new TestSigner();
  private final InMemoryAccessTokenStore accessTokens = new InMemoryAccessTokenStore();
  private final TokenIssuer issuer = new TokenIssuer(accessTokens, new InMemoryRefreshTokenStore(),
      TokenSettings.defaults(), clock, null,
      new JwtAccessTokens(signer, "https://login.example", "https://api.example"));

  private static Client jwtClient() {
    return TestClients.confidential("app").toBuilder()
        .oidc(new OidcRegistration("RS256", AccessTokenFormat.JWT, List.of(), Optional.empty())).build();
  }

  @Test
  void rfc9068_2_whenClientRegisteredForJwt_thenSignedAtJwtWithRequiredClaims() {
    TokenResponse response = issuer.issue(IssueRequest.of("g1", jwtClient(), TokenIssuer.Rights.of(Set.of("api")))
        .forSubject("alice").authenticatedAt(clock.instant()));
    String token = response.accessToken();
    JsonObject header = IndependentJws.header(token);
    assertEquals("at+jwt", header.getString("typ"));
    assertEquals("RS256", header.getString("alg"));
    assertTrue(IndependentJws.verifies(token, IndependentJws.json(signer.rsa().toPublicJWK().toJSONString())));
    JsonObject claims = IndependentJws.payload(token);
    assertEquals("https://login.example", claims.getString("iss"));
    assertEquals("https://api.example", claims.getString("aud"));
    assertEquals("alice", claims.getString("sub"));
    assertEquals("app", claims.getString("client_id"));
    assertEquals("api", claims.getString("scope"));
    long iat = claims.getJsonNumber("iat").longValue();
    assertEquals(iat + TokenSettings.defaults().accessTokenTtl().toSeconds(), claims.getJsonNumber("exp").longValue());
    assertTrue(claims.getString("jti").length() >= 43);
    // Stored like an opaque token: by the hash of the whole value, so introspection and revocation work unchanged.
    assertEquals(TokenHash.of(token), accessTokens.all().get(0).hash());
  }

  private JsonObject memberAccessToken(Set<String> scopes, String subject) {
    dev.gatehouse.protocol.store.InMemoryUserDirectory users = new dev.gatehouse.protocol.store.InMemoryUserDirectory()
        .add(new dev.gatehouse.protocol.oidc.UserClaims("ada-sub", "ada", Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), false, Optional.empty(), false, Optional.empty(), Optional.empty(),
            java.util.Map.of(), java.time.Instant.EPOCH, Set.of("platform", "engineering"), Set.of("release-manager")));
    TokenIssuer withClaims = new TokenIssuer(accessTokens, new InMemoryRefreshTokenStore(), TokenSettings.defaults(),
        clock, null, new JwtAccessTokens(signer, "https://login.example", "https://api.example", users,
            new dev.gatehouse.protocol.oidc.GroupsAndRoles(200)));
    IssueRequest request = IssueRequest.of("g9", jwtClient(), TokenIssuer.Rights.of(scopes));
    return IndependentJws.payload(withClaims.issue(subject == null ? request
        : request.forSubject(subject).authenticatedAt(clock.instant())).accessToken());
  }

  @Test
  void rfc9068_2_2_3_1_whenTheScopesAskForGroupsAndRoles_thenTheJwtCarriesThem() {
    JsonObject claims = memberAccessToken(Set.of("api", "groups", "roles"), "ada-sub");
    assertEquals(List.of("engineering", "platform"),
        claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals(List.of("release-manager"),
        claims.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
  }

  @Test
  void rfc9068_2_2_3_1_whenTheScopesDoNotAsk_orThereIsNoUser_thenNeither() {
    JsonObject without = memberAccessToken(Set.of("api", "roles"), "ada-sub");
    assertFalse(without.containsKey("groups"));
    assertTrue(without.containsKey("roles"));
    JsonObject service = memberAccessToken(Set.of("groups", "roles"), null);
    assertFalse(service.containsKey("groups"));
    assertFalse(service.containsKey("roles"));
  }

  @Test
  void rfc9068_2_2_whenClientCredentials_thenSubIsTheClient() {
    String token = issuer.issue(IssueRequest.of("g2", jwtClient(), TokenIssuer.Rights.of(Set.of("api")))).accessToken();
    JsonObject claims = IndependentJws.payload(token);
    assertEquals("app", claims.getString("sub"));
    assertFalse(claims.containsKey("auth_time"));
  }

  @Test
  void rfc9068_whenTwoTokensInTheSameInstant_thenDifferentValues() {
    String a = issuer.issue(IssueRequest.of("g3", jwtClient(), TokenIssuer.Rights.of(Set.of("api"))).forSubject("alice")
        .authenticatedAt(clock.instant())).accessToken();
    String b = issuer.issue(IssueRequest.of("g3", jwtClient(), TokenIssuer.Rights.of(Set.of("api"))).forSubject("alice")
        .authenticatedAt(clock.instant())).accessToken();
    assertNotEquals(a, b);
  }

  @Test
  void whenClientIsOpaque_thenNoJwt() {
    String token =
        issuer.issue(IssueRequest.of("g4", TestClients.confidential("app"), TokenIssuer.Rights.of(Set.of("api")))
            .forSubject("alice")).accessToken();
    assertEquals(-1, token.indexOf('.'));
  }

  @Test
  void rfc9068_3_whenTokenForResources_thenAudIsTheResources() {
    TokenIssuer.Rights one = new TokenIssuer.Rights(Set.of("api"), Set.of("https://orders.example/"));
    TokenIssuer.Rights two = new TokenIssuer.Rights(Set.of("api"),
        Set.of("https://orders.example/", "https://billing.example/"));

    JsonObject single = IndependentJws.payload(issuer.issue(IssueRequest.of("g5", jwtClient(), one)
        .forSubject("alice")).accessToken());
    JsonObject both = IndependentJws.payload(issuer.issue(IssueRequest.of("g6", jwtClient(), two)
        .forSubject("alice")).accessToken());

    assertEquals("https://orders.example/", single.getString("aud"));
    assertEquals(List.of("https://billing.example/", "https://orders.example/"),
        both.getJsonArray("aud").getValuesAs(jakarta.json.JsonString::getString));
  }
}
