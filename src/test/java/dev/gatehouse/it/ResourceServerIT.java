package dev.gatehouse.it;

import static dev.gatehouse.it.Fixtures.ALICE;
import static dev.gatehouse.it.Fixtures.ALICE_PASSWORD;
import static dev.gatehouse.it.Fixtures.BASIC;
import static dev.gatehouse.it.Fixtures.BASIC_REDIRECT;
import static dev.gatehouse.it.Fixtures.BASIC_SECRET;
import static dev.gatehouse.it.Fixtures.NOROTATE;
import static dev.gatehouse.it.Fixtures.NOROTATE_REDIRECT;
import static dev.gatehouse.it.Fixtures.NOROTATE_SECRET;
import static dev.gatehouse.it.Fixtures.PUBLIC;
import static dev.gatehouse.it.Fixtures.PUBLIC_REDIRECT;
import static dev.gatehouse.it.ServiceFixtures.PUBLIC_SERVICE;
import static dev.gatehouse.it.ServiceFixtures.RS;
import static dev.gatehouse.it.ServiceFixtures.RS_SECRET;
import static dev.gatehouse.it.ServiceFixtures.SERVICE;
import static dev.gatehouse.it.ServiceFixtures.SERVICE_POST;
import static dev.gatehouse.it.ServiceFixtures.SERVICE_POST_SECRET;
import static dev.gatehouse.it.ServiceFixtures.SERVICE_SECRET;
import static dev.gatehouse.it.ServiceFixtures.USERINFO;
import static dev.gatehouse.it.ServiceFixtures.USERINFO_REDIRECT;
import static dev.gatehouse.it.ServiceFixtures.USERINFO_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.it.ResourceEndpoints.ClientAuth;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a service and a resource server see (MariaDB execution only; reads the database, and ages an expiry column to
 * test expired tokens): the client credentials grant (RFC 6749 §4.4), token introspection (RFC 7662), token
 * revocation (RFC 7009) and the bearer-token check of the userinfo endpoint (RFC 6750). User tokens come from it-basic
 * and alice, service tokens from it-service; every test obtains its own tokens.
 */
@ExtendWith({MariaDbOnly.class, ArquillianExtension.class})
@RunAsClient
class ResourceServerIT {

  private static final ClientAuth BASIC_AUTH = ClientAuth.basic(BASIC, BASIC_SECRET);
  private static final ClientAuth SERVICE_AUTH = ClientAuth.basic(SERVICE, SERVICE_SECRET);
  private static final ClientAuth SERVICE_POST_AUTH = ClientAuth.post(SERVICE_POST, SERVICE_POST_SECRET);
  private static final ClientAuth RS_AUTH = ClientAuth.basic(RS, RS_SECRET);
  private static final JsonObject INACTIVE = Json.createObjectBuilder().add("active", false).build();
  private static final Set<String> ACTIVE_MEMBERS =
      Set.of("active", "scope", "client_id", "sub", "username", "token_type", "exp", "iat", "iss", "aud");
  private static final String BARE_CHALLENGE = "Bearer realm=\"gatehouse\"";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int RACE_ROUNDS = 20;
  private static final int RACING_REFRESHES = 4;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private URI base() {
    return URI.create(url.toString());
  }

  private ResourceEndpoints endpoints() {
    return new ResourceEndpoints(base());
  }

  /** Access and refresh token of a fresh it-basic grant for alice. */
  private record UserTokens(String access, String refresh) {}

  private UserTokens aliceTokens(String scope) {
    TokenClient.Answer answer = Flows.basicClientTokens(base(), scope);
    return new UserTokens(answer.string("access_token"), answer.string("refresh_token"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Client credentials grant (RFC 6749 §4.4)

  @Test
  void rfc6749_4_4_2_whenConfidentialClientAsksWithoutScope_thenRegisteredScopesAndNoRefreshToken() {
    TokenClient.Answer answer = endpoints().token(ServiceFixtures.clientCredentials(null), SERVICE_AUTH);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    assertNoStore(answer.raw());
    assertEquals("Bearer", answer.string("token_type"));
    assertEquals(600, answer.json().getInt("expires_in"), "GATEHOUSE_ACCESS_TOKEN_TTL of the tests: 10 minutes");
    assertEquals(Set.of("read", "write"), scopes(answer.string("scope")), "absent scope: the registered scopes");
    assertFalse(answer.json().containsKey("refresh_token"), "RFC 6749 §4.4.3: a refresh token SHOULD NOT be included");

    JsonObject seen = activeJson(endpoints().introspect(answer.string("access_token"), null, SERVICE_AUTH));
    assertEquals(SERVICE, seen.getString("client_id"));
    assertEquals(Set.of("read", "write"), scopes(seen.getString("scope")));
    assertEquals("Bearer", seen.getString("token_type"));
    assertFalse(seen.containsKey("sub"), () -> "no user, no sub: " + seen);
    assertFalse(seen.containsKey("username"), () -> "no user, no username: " + seen);
  }

  @Test
  void rfc6749_4_4_2_whenScopeIsSubsetOfRegistered_thenTokenCarriesExactlyThatScope() {
    TokenClient.Answer answer = endpoints().token(ServiceFixtures.clientCredentials("write"), SERVICE_AUTH);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    assertEquals(Set.of("write"), scopes(answer.string("scope")));
    JsonObject seen = activeJson(endpoints().introspect(answer.string("access_token"), null, SERVICE_AUTH));
    assertEquals("write", seen.getString("scope"));
  }

  @Test
  void rfc6749_4_4_3_whenIssuedTwice_thenTwoDistinctActiveTokens() {
    String first = endpoints().serviceToken(SERVICE_AUTH, null);
    String second = endpoints().serviceToken(SERVICE_AUTH, null);
    assertNotEquals(first, second);
    activeJson(endpoints().introspect(first, null, SERVICE_AUTH));
    activeJson(endpoints().introspect(second, null, SERVICE_AUTH));
  }

  @Test
  void rfc6749_3_3_whenScopeExceedsRegistered_thenInvalidScope() {
    for (String scope : List.of("read admin", "introspect", "profile")) {
      TokenClient.Answer answer = endpoints().token(ServiceFixtures.clientCredentials(scope), SERVICE_AUTH);
      assertError(answer, 400, "invalid_scope", scope);
      assertNull(answer.string("access_token"), scope);
    }
  }

  @Test
  void rfc6749_2_3_1_whenClientSecretPostClient_thenTokenIssuedWithItsScope() {
    TokenClient.Answer answer = endpoints().token(ServiceFixtures.clientCredentials(null), SERVICE_POST_AUTH);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    assertEquals("read", answer.string("scope"));
    assertFalse(answer.json().containsKey("refresh_token"));
    JsonObject seen = activeJson(endpoints().introspect(answer.string("access_token"), null, SERVICE_POST_AUTH));
    assertEquals(SERVICE_POST, seen.getString("client_id"));
  }

  @Test
  void rfc6749_4_4_whenPublicClientRegisteredForTheGrant_thenUnauthorizedClient() {
    TokenClient.Answer answer = endpoints().token(ServiceFixtures.clientCredentials(null),
        ClientAuth.none(PUBLIC_SERVICE));
    assertError(answer, 400, "unauthorized_client", PUBLIC_SERVICE);
    assertNull(answer.string("access_token"));
  }

  @Test
  void rfc6749_5_2_whenClientNotRegisteredForClientCredentials_thenUnauthorizedClient() {
    Map<String, ClientAuth> callers = Map.of(
        "confidential it-basic", BASIC_AUTH,
        "public it-public", ClientAuth.none(PUBLIC));
    callers.forEach((what, auth) -> {
      TokenClient.Answer answer = endpoints().token(ServiceFixtures.clientCredentials(null), auth);
      assertError(answer, 400, "unauthorized_client", what);
      assertNull(answer.string("access_token"), what);
    });
  }

  @Test
  void rfc6749_4_4_2_whenClientAuthenticationFails_thenInvalidClient() {
    Map<String, ClientAuth> callers = Map.of(
        "wrong secret", ClientAuth.basic(SERVICE, SERVICE_SECRET + "x"),
        "no authentication", ClientAuth.anonymous(),
        "confidential client without its secret", ClientAuth.none(SERVICE),
        "registered method is basic, used post", ClientAuth.post(SERVICE, SERVICE_SECRET));
    callers.forEach((what, auth) -> {
      TokenClient.Answer answer = endpoints().token(ServiceFixtures.clientCredentials(null), auth);
      assertError(answer, 401, "invalid_client", what);
      assertNull(answer.string("access_token"), what);
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Introspection (RFC 7662)

  @Test
  void rfc7662_2_2_whenOwnUserAccessTokenIntrospected_thenActiveWithEveryMember() {
    long before = Instant.now().getEpochSecond();
    UserTokens tokens = aliceTokens("read write profile");
    long after = Instant.now().getEpochSecond();
    TokenClient.Answer answer = endpoints().introspect(tokens.access(), null, BASIC_AUTH);
    JsonObject seen = activeJson(answer);
    assertEquals(ACTIVE_MEMBERS, seen.keySet(), seen::toString);
    assertEquals(Set.of("read", "write", "profile"), scopes(seen.getString("scope")));
    assertEquals(BASIC, seen.getString("client_id"));
    assertEquals(aliceId(), seen.getString("sub"), "sub is the user's id");
    assertEquals(ALICE, seen.getString("username"));
    assertEquals("Bearer", seen.getString("token_type"));
    assertEquals(Fixtures.issuer(), seen.getString("iss"));
    assertEquals(Fixtures.issuer(), seen.getString("aud"), "no resource asked for: the default audience");
    long iat = seen.getJsonNumber("iat").longValueExact();
    long exp = seen.getJsonNumber("exp").longValueExact();
    assertTrue(iat >= before - 2 && iat <= after + 2, () -> "iat in epoch seconds, at issuance: " + seen);
    assertEquals(600, exp - iat, "exp = iat + the 10-minute access token lifetime");
    assertTrue(answer.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
  }

  @Test
  void rfc7662_2_2_whenRefreshTokenIntrospected_thenActiveWithTokenTypeRefreshToken() {
    UserTokens tokens = aliceTokens("read profile");
    for (String hint : new String[] {null, "refresh_token"}) {
      JsonObject seen = activeJson(endpoints().introspect(tokens.refresh(), hint, BASIC_AUTH));
      assertEquals("refresh_token", seen.getString("token_type"), "hint " + hint);
      assertEquals(BASIC, seen.getString("client_id"));
      assertEquals(aliceId(), seen.getString("sub"));
      assertEquals(ALICE, seen.getString("username"));
      assertEquals(Set.of("read", "profile"), scopes(seen.getString("scope")));
      assertEquals(Fixtures.issuer(), seen.getString("iss"));
      assertTrue(seen.getJsonNumber("exp").longValueExact() > seen.getJsonNumber("iat").longValueExact() + 600,
          () -> "a refresh token outlives the access token: " + seen);
    }
  }

  /** RFC 7662 §2.1: a server unable to locate the token with the hint "MUST extend its search". */
  @Test
  void rfc7662_2_1_whenHintNamesTheOtherKind_thenTokenStillFound() {
    UserTokens tokens = aliceTokens("read");
    assertEquals("Bearer",
        activeJson(endpoints().introspect(tokens.access(), "refresh_token", BASIC_AUTH)).getString("token_type"));
    assertEquals("refresh_token",
        activeJson(endpoints().introspect(tokens.refresh(), "access_token", BASIC_AUTH)).getString("token_type"));
    assertEquals("Bearer",
        activeJson(endpoints().introspect(tokens.access(), "no_such_hint", BASIC_AUTH)).getString("token_type"));
  }

  @Test
  void rfc7662_2_2_whenTokenUnknownOrMalformed_thenExactlyInactive() {
    String valid = endpoints().serviceToken(SERVICE_AUTH, null);
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("unknown, well-formed", randomToken());
    tokens.put("600 characters", "a".repeat(600));
    tokens.put("a valid token padded to 600 characters", valid + "A".repeat(600 - valid.length()));
    tokens.put("control character", valid.substring(0, 10) + "\u0001" + valid.substring(10));
    tokens.put("NUL", "\u0000" + valid);
    tokens.put("tab", valid + "\t");
    tokens.put("space inside", valid.substring(0, 10) + " " + valid.substring(10));
    tokens.put("non-ASCII", valid.substring(0, 10) + "\u00e9" + valid.substring(10));
    tokens.put("prefix of a valid token", valid.substring(0, valid.length() - 1));
    tokens.put("SQL", "' OR '1'='1");
    tokens.forEach((what, token) -> assertInactive(endpoints().introspect(token, null, SERVICE_AUTH), what));
    assertInactive(endpoints().introspect(randomToken(), "refresh_token", RS_AUTH), "unknown, asked by it-rs");
    activeJson(endpoints().introspect(valid, null, SERVICE_AUTH)); // the valid one itself is fine
  }

  @Test
  void rfc7662_2_2_whenAccessTokenExpired_thenInactive() {
    UserTokens user = aliceTokens("read");
    String service = endpoints().serviceToken(SERVICE_AUTH, null);
    long past = System.currentTimeMillis() - 1_000;
    assertEquals(1, RowAging.expireById(Database.ACCESS_TOKENS, Database.sha256(user.access()), past));
    assertEquals(1, RowAging.expireById(Database.ACCESS_TOKENS, Database.sha256(service), past));
    assertInactive(endpoints().introspect(user.access(), null, BASIC_AUTH), "expired user access token, owner");
    assertInactive(endpoints().introspect(user.access(), null, RS_AUTH), "expired user access token, it-rs");
    assertInactive(endpoints().introspect(service, null, SERVICE_AUTH), "expired service token");
    activeJson(endpoints().introspect(user.refresh(), null, BASIC_AUTH)); // the grant's refresh token lives on
  }

  @Test
  void rfc7662_2_2_whenRefreshTokenExpired_thenInactiveAndRefreshGrantRefused() {
    UserTokens user = aliceTokens("read");
    assertEquals(1, RowAging.expireById(Database.REFRESH_TOKENS, Database.sha256(user.refresh()),
        System.currentTimeMillis() - 1_000));
    assertInactive(endpoints().introspect(user.refresh(), null, BASIC_AUTH), "expired refresh token");
    assertInactive(endpoints().introspect(user.refresh(), "refresh_token", RS_AUTH), "expired, it-rs");
    assertError(refresh(user.refresh()), 400, "invalid_grant", "refresh with an expired refresh token");
  }

  @Test
  void rfc7662_2_2_whenRefreshTokenRotated_thenOldInactiveAndSuccessorActive() {
    UserTokens user = aliceTokens("read");
    TokenClient.Answer rotated = refresh(user.refresh());
    assertEquals(200, rotated.status(), () -> rotated.json().toString());
    String successor = rotated.string("refresh_token");
    assertNotNull(successor, "it-basic rotates refresh tokens");
    assertInactive(endpoints().introspect(user.refresh(), null, BASIC_AUTH), "rotated refresh token");
    assertInactive(endpoints().introspect(user.refresh(), "refresh_token", RS_AUTH), "rotated, it-rs");
    assertEquals("refresh_token",
        activeJson(endpoints().introspect(successor, null, BASIC_AUTH)).getString("token_type"));
  }

  @Test
  void rfc7662_2_2_whenClientIntrospectsAnotherClientsToken_thenInactive() {
    UserTokens user = aliceTokens("read");
    String service = endpoints().serviceToken(SERVICE_AUTH, null);
    String servicePost = endpoints().serviceToken(SERVICE_POST_AUTH, null);
    assertInactive(endpoints().introspect(user.access(), null, SERVICE_AUTH), "it-service on it-basic's access");
    assertInactive(endpoints().introspect(user.refresh(), null, SERVICE_AUTH), "it-service on it-basic's refresh");
    assertInactive(endpoints().introspect(service, null, BASIC_AUTH), "it-basic on it-service's token");
    assertInactive(endpoints().introspect(service, null, SERVICE_POST_AUTH), "it-service-post on it-service's");
    assertInactive(endpoints().introspect(servicePost, null, SERVICE_AUTH), "it-service on it-service-post's");
    // Each owner still sees its own: the inactive answers above are about permission, not about the tokens.
    activeJson(endpoints().introspect(user.access(), null, BASIC_AUTH));
    activeJson(endpoints().introspect(service, null, SERVICE_AUTH));
    activeJson(endpoints().introspect(servicePost, null, SERVICE_POST_AUTH));
  }

  /** RFC 7662 §4: a protected resource "specifically authorized to call the introspection endpoint" sees any token. */
  @Test
  void rfc7662_4_whenResourceServerIntrospectsAnyClientsToken_thenActive() {
    UserTokens user = aliceTokens("read write");
    String service = endpoints().serviceToken(SERVICE_AUTH, "read");
    JsonObject access = activeJson(endpoints().introspect(user.access(), null, RS_AUTH));
    assertEquals(BASIC, access.getString("client_id"));
    assertEquals(aliceId(), access.getString("sub"));
    assertEquals(ALICE, access.getString("username"));
    assertEquals("Bearer", access.getString("token_type"));
    JsonObject refresh = activeJson(endpoints().introspect(user.refresh(), null, RS_AUTH));
    assertEquals("refresh_token", refresh.getString("token_type"));
    assertEquals(BASIC, refresh.getString("client_id"));
    JsonObject serviceSeen = activeJson(endpoints().introspect(service, null, RS_AUTH));
    assertEquals(SERVICE, serviceSeen.getString("client_id"));
    assertEquals("read", serviceSeen.getString("scope"));
    assertFalse(serviceSeen.containsKey("sub"));
  }

  @Test
  void rfc7662_2_1_whenCallerIsPublicOrNotAuthenticated_thenInvalidClient401() {
    String token = endpoints().serviceToken(SERVICE_AUTH, null);
    Map<String, ClientAuth> callers = new LinkedHashMap<>();
    callers.put("public client it-public", ClientAuth.none(PUBLIC));
    callers.put("public client it-public-service", ClientAuth.none(PUBLIC_SERVICE));
    callers.put("no authentication", ClientAuth.anonymous());
    callers.put("wrong secret", ClientAuth.basic(SERVICE, SERVICE_SECRET + "x"));
    callers.put("confidential client without its secret", ClientAuth.none(SERVICE));
    callers.forEach((what, auth) -> {
      TokenClient.Answer answer = endpoints().introspect(token, null, auth);
      assertError(answer, 401, "invalid_client", what);
      assertFalse(answer.json().containsKey("active"), () -> what + " learned something: " + answer.json());
    });
  }

  @Test
  void rfc7662_2_1_whenTokenParameterMissingOrRepeated_thenInvalidRequest() {
    String token = endpoints().serviceToken(SERVICE_AUTH, null);
    assertError(endpoints().introspect(null, null, SERVICE_AUTH), 400, "invalid_request", "no token");
    assertError(endpoints().introspect("", null, SERVICE_AUTH), 400, "invalid_request", "empty token");
    assertError(endpoints().introspect(null, "access_token", SERVICE_AUTH), 400, "invalid_request", "hint only");
    HttpResponse<String> repeated = endpoints().send(HttpRequest.newBuilder(endpoints().resolve("/oauth2/introspect"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", TokenClient.basic(SERVICE, SERVICE_SECRET))
        .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&token=" + token)));
    assertError(TokenClient.answer(repeated), 400, "invalid_request", "token twice (RFC 6749 §3.1)");
  }

  /** RFC 7662 §2.1: "The protected resource calls the introspection endpoint using an HTTP POST request". */
  @Test
  void rfc7662_2_1_whenGetOrNotFormEncoded_thenInvalidRequest() {
    String token = endpoints().serviceToken(SERVICE_AUTH, null);
    HttpResponse<String> get = endpoints().send(
        HttpRequest.newBuilder(endpoints().resolve("/oauth2/introspect?token=" + token))
            .header("Authorization", TokenClient.basic(SERVICE, SERVICE_SECRET)).GET());
    assertError(TokenClient.answer(get), 400, "invalid_request", "GET");
    HttpResponse<String> json = endpoints().send(HttpRequest.newBuilder(endpoints().resolve("/oauth2/introspect"))
        .header("Content-Type", "application/json")
        .header("Authorization", TokenClient.basic(SERVICE, SERVICE_SECRET))
        .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")));
    assertError(TokenClient.answer(json), 400, "invalid_request", "JSON body");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Revocation (RFC 7009)

  /** RFC 7009 §2.2: the token is invalidated before the 200 is sent; the next introspection must know it. */
  @Test
  void rfc7009_2_2_whenRevocationAnswered200_thenIntrospectionInactiveAtOnce() {
    for (int round = 1; round <= 5; round++) {
      String service = endpoints().serviceToken(SERVICE_AUTH, null);
      activeJson(endpoints().introspect(service, null, RS_AUTH));
      assertOk(endpoints().revoke(service, null, SERVICE_AUTH), "round " + round);
      assertInactive(endpoints().introspect(service, null, RS_AUTH), "service token, round " + round);
      assertInactive(endpoints().introspect(service, null, SERVICE_AUTH), "service token, owner, round " + round);
    }
    UserTokens user = aliceTokens("read");
    assertOk(endpoints().revoke(user.access(), "access_token", BASIC_AUTH), "user access token");
    assertInactive(endpoints().introspect(user.access(), null, BASIC_AUTH), "user access token after revocation");
    assertInactive(endpoints().introspect(user.access(), null, RS_AUTH), "user access token, it-rs");
  }

  @Test
  void rfc7009_2_1_whenAccessTokenRevoked_thenOnlyItIsRevoked() {
    UserTokens user = aliceTokens("openid read profile");
    HttpResponse<String> revoked = endpoints().revoke(user.access(), null, BASIC_AUTH);
    assertOk(revoked, "revoke the access token");
    assertNoStore(revoked);
    assertInactive(endpoints().introspect(user.access(), null, BASIC_AUTH), "the revoked access token");
    assertInvalidToken(endpoints().userinfo("GET", "Bearer " + user.access()), "userinfo, revoked access token");
    // The refresh token of the same grant is untouched and still works.
    activeJson(endpoints().introspect(user.refresh(), null, BASIC_AUTH));
    TokenClient.Answer refreshed = refresh(user.refresh());
    assertEquals(200, refreshed.status(), () -> refreshed.json().toString());
    activeJson(endpoints().introspect(refreshed.string("access_token"), null, BASIC_AUTH));
    assertEquals(200, endpoints().userinfo("GET", "Bearer " + refreshed.string("access_token")).statusCode());
  }

  @Test
  void rfc7009_2_1_whenRefreshTokenRevoked_thenWholeGrantRevoked() {
    UserTokens user = aliceTokens("read profile");
    assertOk(endpoints().revoke(user.refresh(), "refresh_token", BASIC_AUTH), "revoke the refresh token");
    assertInactive(endpoints().introspect(user.refresh(), null, BASIC_AUTH), "the revoked refresh token");
    assertInactive(endpoints().introspect(user.access(), null, BASIC_AUTH), "its access token, owner");
    assertInactive(endpoints().introspect(user.access(), null, RS_AUTH), "its access token, it-rs");
    assertInvalidToken(endpoints().userinfo("GET", "Bearer " + user.access()), "userinfo with its access token");
    assertError(refresh(user.refresh()), 400, "invalid_grant", "refresh with the revoked refresh token");
  }

  @Test
  void rfc7009_2_1_whenHintNamesTheOtherKind_thenTokenStillRevoked() {
    UserTokens first = aliceTokens("read");
    assertOk(endpoints().revoke(first.refresh(), "access_token", BASIC_AUTH), "refresh token, access_token hint");
    assertInactive(endpoints().introspect(first.access(), null, BASIC_AUTH), "grant revoked through a wrong hint");
    assertError(refresh(first.refresh()), 400, "invalid_grant", "refresh after revocation");

    UserTokens second = aliceTokens("read");
    assertOk(endpoints().revoke(second.access(), "refresh_token", BASIC_AUTH), "access token, refresh_token hint");
    assertInactive(endpoints().introspect(second.access(), null, BASIC_AUTH), "access token through a wrong hint");
    activeJson(endpoints().introspect(second.refresh(), null, BASIC_AUTH));
  }

  /** After rotation the grant lives on in the successor: revoking the old refresh token still ends the grant. */
  @Test
  void rfc7009_2_1_whenRotatedRefreshTokenRevoked_thenSuccessorAndItsAccessTokenRevoked() {
    UserTokens user = aliceTokens("read");
    TokenClient.Answer rotated = refresh(user.refresh());
    assertEquals(200, rotated.status(), () -> rotated.json().toString());
    assertOk(endpoints().revoke(user.refresh(), null, BASIC_AUTH), "revoke the rotated refresh token");
    assertInactive(endpoints().introspect(rotated.string("refresh_token"), null, BASIC_AUTH), "the successor");
    assertInactive(endpoints().introspect(rotated.string("access_token"), null, BASIC_AUTH), "the new access token");
    assertError(refresh(rotated.string("refresh_token")), 400, "invalid_grant", "refresh with the successor");
  }

  @Test
  void rfc7009_2_1_whenTokenOfAnotherClient_thenUnauthorizedClientAndNotRevoked() {
    UserTokens user = aliceTokens("read");
    String service = endpoints().serviceToken(SERVICE_AUTH, null);
    Map<String, HttpResponse<String>> refused = new LinkedHashMap<>();
    refused.put("it-service revokes it-basic's access token", endpoints().revoke(user.access(), null, SERVICE_AUTH));
    refused.put("it-service revokes it-basic's refresh token", endpoints().revoke(user.refresh(), null, SERVICE_AUTH));
    refused.put("it-basic revokes it-service's token", endpoints().revoke(service, null, BASIC_AUTH));
    refused.put("resource server it-rs revokes it-basic's access token",
        endpoints().revoke(user.access(), null, RS_AUTH));
    refused.put("resource server it-rs revokes it-basic's refresh token",
        endpoints().revoke(user.refresh(), "refresh_token", RS_AUTH));
    refused.put("it-service-post revokes it-service's token", endpoints().revoke(service, null, SERVICE_POST_AUTH));
    refused.forEach((what, response) -> {
      assertError(TokenClient.answer(response), 400, "unauthorized_client", what);
      assertNoStore(response);
    });
    activeJson(endpoints().introspect(user.access(), null, BASIC_AUTH));
    activeJson(endpoints().introspect(user.refresh(), null, BASIC_AUTH));
    activeJson(endpoints().introspect(service, null, SERVICE_AUTH));
    TokenClient.Answer refreshed = refresh(user.refresh());
    assertEquals(200, refreshed.status(), () -> "the refresh token must still work: " + refreshed.json());
  }

  /** RFC 7009 §2.2: "invalid tokens do not cause an error response". */
  @Test
  void rfc7009_2_2_whenTokenUnknownMalformedOrAlreadyRevoked_then200() {
    String service = endpoints().serviceToken(SERVICE_AUTH, null);
    assertOk(endpoints().revoke(randomToken(), null, SERVICE_AUTH), "unknown token");
    assertOk(endpoints().revoke(randomToken(), "refresh_token", SERVICE_AUTH), "unknown token, refresh hint");
    assertOk(endpoints().revoke("a".repeat(600), null, SERVICE_AUTH), "600 characters");
    assertOk(endpoints().revoke("abc\u0001def", null, SERVICE_AUTH), "control character");
    activeJson(endpoints().introspect(service, null, SERVICE_AUTH)); // nothing else was touched
    assertOk(endpoints().revoke(service, null, SERVICE_AUTH), "first revocation");
    assertOk(endpoints().revoke(service, null, SERVICE_AUTH), "second revocation of the same token");
    assertInactive(endpoints().introspect(service, null, SERVICE_AUTH), "revoked");
  }

  @Test
  void rfc7009_2_1_whenTokenParameterMissing_thenInvalidRequest() {
    HttpResponse<String> none = endpoints().revoke(null, null, SERVICE_AUTH);
    assertError(TokenClient.answer(none), 400, "invalid_request", "no token");
    assertNoStore(none);
    assertError(TokenClient.answer(endpoints().revoke("", null, SERVICE_AUTH)), 400, "invalid_request", "empty");
    assertError(TokenClient.answer(endpoints().revoke(null, "access_token", ClientAuth.none(PUBLIC))), 400,
        "invalid_request", "public client, hint only");
  }

  @Test
  void rfc7009_2_1_whenClientAuthenticationFails_thenInvalidClientAndNotRevoked() {
    UserTokens user = aliceTokens("read");
    Map<String, ClientAuth> callers = new LinkedHashMap<>();
    callers.put("confidential client with client_id only", ClientAuth.none(BASIC));
    callers.put("wrong secret", ClientAuth.basic(BASIC, BASIC_SECRET + "x"));
    callers.put("no authentication", ClientAuth.anonymous());
    callers.forEach((what, auth) -> {
      assertError(TokenClient.answer(endpoints().revoke(user.access(), null, auth)), 401, "invalid_client", what);
      assertError(TokenClient.answer(endpoints().revoke(user.refresh(), null, auth)), 401, "invalid_client", what);
    });
    activeJson(endpoints().introspect(user.access(), null, BASIC_AUTH));
    activeJson(endpoints().introspect(user.refresh(), null, BASIC_AUTH));
  }

  @Test
  void rfc7009_2_1_whenPublicClientRevokesItsOwnRefreshToken_thenGrantRevoked() {
    TokenClient.Answer tokens = publicClientTokens();
    String access = tokens.string("access_token");
    String refresh = tokens.string("refresh_token");
    activeJson(endpoints().introspect(access, null, RS_AUTH));
    assertOk(endpoints().revoke(refresh, null, ClientAuth.none(PUBLIC)), "it-public revokes its refresh token");
    assertInactive(endpoints().introspect(access, null, RS_AUTH), "its access token");
    assertInactive(endpoints().introspect(refresh, null, RS_AUTH), "its refresh token");
    TokenClient.Answer refused = new TokenClient(base()).post(
        Fixtures.withClientInBody(Fixtures.refresh(refresh, null), PUBLIC, null), null, null);
    assertError(refused, 400, "invalid_grant", "refresh by it-public after revocation");
  }

  @Test
  void rfc7009_2_1_whenPublicClientRevokesAnotherClientsToken_thenUnauthorizedClientAndNotRevoked() {
    UserTokens user = aliceTokens("read");
    String service = endpoints().serviceToken(SERVICE_AUTH, null);
    for (String token : List.of(user.access(), user.refresh(), service)) {
      assertError(TokenClient.answer(endpoints().revoke(token, null, ClientAuth.none(PUBLIC))), 400,
          "unauthorized_client", "it-public");
    }
    activeJson(endpoints().introspect(user.access(), null, BASIC_AUTH));
    activeJson(endpoints().introspect(user.refresh(), null, BASIC_AUTH));
    activeJson(endpoints().introspect(service, null, SERVICE_AUTH));
  }

  @Test
  void rfc7009_2_1_whenPublicClientRevokesItsOwnAccessToken_thenOnlyItIsRevoked() {
    TokenClient.Answer tokens = publicClientTokens();
    assertOk(endpoints().revoke(tokens.string("access_token"), null, ClientAuth.none(PUBLIC)), "access token");
    assertInactive(endpoints().introspect(tokens.string("access_token"), null, RS_AUTH), "its access token");
    activeJson(endpoints().introspect(tokens.string("refresh_token"), null, RS_AUTH));
  }

  /**
   * RFC 7009 §2.1: revoking a refresh token invalidates "all access tokens based on the same authorization grant",
   * including those a concurrent refresh is issuing. One revocation and several refreshes of one grant are released
   * together from a start gate, on connections of their own; once every answer is in, the revocation has answered
   * 200, so no token of the grant may be active, whatever the interleaving, and no answer may be a 5xx.
   */
  @Test
  void rfc7009_2_1_whenRevocationRacesRefreshesOfRotatingClient_thenNoTokenOfTheGrantStaysActive() throws Exception {
    raceRevocationAgainstRefreshes(BASIC, BASIC_REDIRECT, BASIC_SECRET);
  }

  /** As above, for a client that keeps its refresh token (no rotation, so no conditional update on refresh). */
  @Test
  void rfc7009_2_1_whenRevocationRacesRefreshesOfNonRotatingClient_thenNoTokenOfTheGrantStaysActive()
      throws Exception {
    raceRevocationAgainstRefreshes(NOROTATE, NOROTATE_REDIRECT, NOROTATE_SECRET);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The userinfo endpoint behind the bearer-token check (RFC 6750)

  /** RFC 6750 §3.1: without authentication "the resource server SHOULD NOT include an error code". */
  @Test
  void rfc6750_3_whenNoAuthorizationHeader_then401WithBareChallenge() {
    for (String method : List.of("GET", "POST")) {
      HttpResponse<String> response = endpoints().userinfo(method);
      assertEquals(401, response.statusCode(), method);
      assertEquals(List.of(BARE_CHALLENGE), response.headers().allValues("WWW-Authenticate"), method);
      assertNoStore(response);
    }
  }

  /** RFC 6750 §2.2 and §2.3 are not offered (RFC 9700 §4.3.2): a token in the query or the body is no token. */
  @Test
  void rfc6750_2_3_whenTokenOnlyInQueryOrBody_then401WithBareChallenge() {
    UserTokens user = aliceTokens("read profile");
    HttpResponse<String> query = endpoints().send(HttpRequest.newBuilder(
        endpoints().resolve("/oauth2/userinfo?access_token=" + user.access())).GET());
    assertEquals(401, query.statusCode(), "token in the query");
    assertEquals(List.of(BARE_CHALLENGE), query.headers().allValues("WWW-Authenticate"));
    HttpResponse<String> body = endpoints().send(HttpRequest.newBuilder(endpoints().resolve("/oauth2/userinfo"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("access_token=" + user.access())));
    assertEquals(401, body.statusCode(), "token in the body");
    assertEquals(List.of(BARE_CHALLENGE), body.headers().allValues("WWW-Authenticate"));
  }

  @Test
  void rfc6750_3_1_whenAuthorizationHeaderMalformed_thenInvalidRequest400() {
    UserTokens user = aliceTokens("read profile");
    Map<String, String[]> headers = new LinkedHashMap<>();
    headers.put("Bearer without a token", new String[] {"Bearer"});
    headers.put("Basic scheme", new String[] {"Basic abc"});
    headers.put("Basic credentials of a client", new String[] {TokenClient.basic(BASIC, BASIC_SECRET)});
    headers.put("two tokens in one header", new String[] {"Bearer " + user.access() + " " + user.access()});
    headers.put("a token with a character outside b64token", new String[] {"Bearer " + user.access() + "@"});
    headers.put("two Authorization headers", new String[] {"Bearer " + user.access(), "Bearer " + user.access()});
    headers.put("token without a scheme", new String[] {user.access()});
    headers.forEach((what, values) -> {
      for (String method : List.of("GET", "POST")) {
        HttpResponse<String> response = endpoints().userinfo(method, values);
        assertEquals(400, response.statusCode(), () -> what + " " + method + ": " + response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer ") && challenge.contains("error=\"invalid_request\""),
            () -> what + " " + method + ": WWW-Authenticate " + challenge);
        assertNoStore(response);
      }
    });
  }

  @Test
  void rfc6750_3_1_whenTokenUnknownRevokedOrExpired_thenInvalidToken401() {
    UserTokens revoked = aliceTokens("read profile");
    assertOk(endpoints().revoke(revoked.access(), null, BASIC_AUTH), "revoke");
    UserTokens expired = aliceTokens("read profile");
    assertEquals(1, RowAging.expireById(Database.ACCESS_TOKENS, Database.sha256(expired.access()),
        System.currentTimeMillis() - 1_000));
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("unknown", randomToken());
    tokens.put("revoked", revoked.access());
    tokens.put("expired", expired.access());
    tokens.put("a refresh token (not an access token)", revoked.refresh());
    tokens.forEach((what, token) -> {
      for (String method : List.of("GET", "POST")) {
        assertInvalidToken(endpoints().userinfo(method, "Bearer " + token), what + " " + method);
      }
    });
  }

  @Test
  void rfc6750_3_1_whenClientCredentialsToken_thenInvalidToken401() {
    String service = endpoints().serviceToken(SERVICE_AUTH, null);
    for (String method : List.of("GET", "POST")) {
      assertInvalidToken(endpoints().userinfo(method, "Bearer " + service), "client_credentials token " + method);
    }
  }

  @Test
  void oidcCore_5_3_whenUserTokenWithProfileScope_thenSubAndProfileClaims() {
    UserTokens user = aliceTokens("openid read write profile");
    for (String method : List.of("GET", "POST")) {
      HttpResponse<String> response = endpoints().userinfo(method, "Bearer " + user.access());
      assertEquals(200, response.statusCode(), () -> method + ": " + response.body());
      assertNoStore(response);
      assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      JsonObject claims = json(response.body());
      assertEquals(Set.of("sub", "preferred_username", "name", "updated_at"), claims.keySet(), claims::toString);
      assertEquals(aliceId(), claims.getString("sub"));
      assertEquals(ALICE, claims.getString("preferred_username"));
      assertEquals("Alice Example", claims.getString("name"));
    }
  }

  @Test
  void oidcCore_5_3_whenUserTokenWithoutProfileScope_thenSubOnly() {
    UserTokens user = aliceTokens("openid read");
    HttpResponse<String> response = endpoints().userinfo("GET", "Bearer " + user.access());
    assertEquals(200, response.statusCode(), response::body);
    JsonObject claims = json(response.body());
    assertEquals(Set.of("sub"), claims.keySet(), claims::toString);
    assertEquals(aliceId(), claims.getString("sub"));
  }

  @Test
  void oidcCore_5_4_whenUserTokenWithEmailScope_thenEmailClaims() {
    JsonObject emailOnly = userinfoClaims(userinfoClientToken("openid read email"));
    assertEquals(Set.of("sub", "email", "email_verified"), emailOnly.keySet(), emailOnly::toString);
    assertEquals("alice@example.com", emailOnly.getString("email"));
    assertFalse(emailOnly.getBoolean("email_verified"), "the bootstrap file does not say it was verified");
    JsonObject both = userinfoClaims(userinfoClientToken("openid profile email"));
    assertEquals(Set.of("sub", "preferred_username", "name", "updated_at", "email", "email_verified"),
        both.keySet(), both::toString);
    assertEquals("alice@example.com", both.getString("email"));
    assertEquals(ALICE, both.getString("preferred_username"));
  }

  /** OpenID Connect Core §5.3.3 and RFC 6750 §3.1: UserInfo is for tokens of an OpenID Connect request. */
  @Test
  void oidcCore_5_3_3_whenTokenWithoutOpenidScope_thenInsufficientScope403() {
    UserTokens user = aliceTokens("read profile");
    for (String method : List.of("GET", "POST")) {
      HttpResponse<String> response = endpoints().userinfo(method, "Bearer " + user.access());
      assertEquals(403, response.statusCode(), () -> method + ": " + response.body());
      assertEquals("insufficient_scope", json(response.body()).getString("error"));
      assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("")
          .contains("error=\"insufficient_scope\""), method);
    }
  }

  /** The subject is the user's stable id: the same through two clients, introspection and the database. */
  @Test
  void rfc6750_2_1_whenSameUserThroughTwoClients_thenSameStableSub() {
    UserTokens viaBasic = aliceTokens("openid read");
    String viaUserinfoClient = userinfoClientToken("openid read");
    String sub = userinfoClaims(viaBasic.access()).getString("sub");
    assertEquals(sub, userinfoClaims(viaUserinfoClient).getString("sub"));
    assertEquals(sub, activeJson(endpoints().introspect(viaBasic.access(), null, RS_AUTH)).getString("sub"));
    assertEquals(aliceId(), sub);
    assertNotEquals(ALICE, sub, "sub is the id, not the username");
  }

  /** RFC 7235 §2.1: "It uses a case-insensitive token as a means to identify the authentication scheme". */
  @Test
  void rfc6750_2_1_whenSchemeInAnotherCase_thenAccepted() {
    UserTokens user = aliceTokens("openid read");
    for (String scheme : List.of("bearer", "BEARER", "BeArEr")) {
      HttpResponse<String> response = endpoints().userinfo("GET", scheme + " " + user.access());
      assertEquals(200, response.statusCode(), () -> scheme + ": " + response.body());
      assertEquals(aliceId(), json(response.body()).getString("sub"));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Metadata (RFC 8414)

  @Test
  void rfc8414_2_whenMetadataFetched_thenIntrospectionRevocationAndClientCredentialsAdvertised() {
    HttpResponse<String> response = new UserAgent(base()).get("/.well-known/oauth-authorization-server");
    assertEquals(200, response.statusCode());
    JsonObject metadata = json(response.body());
    String issuer = Fixtures.issuer();
    assertEquals(issuer + "/oauth2/introspect", metadata.getString("introspection_endpoint"));
    assertEquals(Set.of("client_secret_basic", "client_secret_post"),
        strings(metadata, "introspection_endpoint_auth_methods_supported"));
    assertEquals(issuer + "/oauth2/revoke", metadata.getString("revocation_endpoint"));
    assertEquals(Set.of("client_secret_basic", "client_secret_post", "none"),
        strings(metadata, "revocation_endpoint_auth_methods_supported"));
    assertTrue(strings(metadata, "grant_types_supported").contains("client_credentials"), metadata::toString);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Helpers

  private TokenClient.Answer refresh(String refreshToken) {
    return new TokenClient(base()).post(Fixtures.refresh(refreshToken, null), BASIC, BASIC_SECRET);
  }

  private void raceRevocationAgainstRefreshes(String clientId, String redirect, String secret) throws Exception {
    List<String> problems = new ArrayList<>();
    for (int round = 1; round <= RACE_ROUNDS; round++) {
      Pkce pkce = Pkce.create();
      String code = Flows.code(new UserAgent(base()), clientId, redirect, "read", pkce, ALICE, ALICE_PASSWORD);
      TokenClient.Answer first = new TokenClient(base()).post(Fixtures.codeRedemption(code, redirect, pkce),
          clientId, secret);
      assertEquals(200, first.status(), () -> first.json().toString());
      String refreshToken = first.string("refresh_token");
      String grantId = (String) Database.byId(Database.ACCESS_TOKENS,
          Database.sha256(first.string("access_token"))).get("grant_id");

      List<HttpRequest> requests = new ArrayList<>();
      requests.add(formPost("/oauth2/revoke", "token=" + UserAgent.enc(refreshToken), clientId, secret));
      for (int i = 0; i < RACING_REFRESHES; i++) {
        requests.add(formPost("/oauth2/token", UserAgent.form(Fixtures.refresh(refreshToken, null)), clientId,
            secret));
      }
      List<HttpResponse<String>> answers = race(requests);

      String where = clientId + " round " + round + ": ";
      StringBuilder outcome = new StringBuilder(where).append("revoke ").append(answers.get(0).statusCode())
          .append(", refreshes");
      if (answers.get(0).statusCode() != 200) {
        problems.add(where + "revocation answered " + answers.get(0).statusCode() + " " + answers.get(0).body());
      }
      Map<String, String> tokens = new LinkedHashMap<>();
      tokens.put(first.string("access_token"), "the original access token");
      tokens.put(refreshToken, "the revoked refresh token");
      for (HttpResponse<String> answer : answers.subList(1, answers.size())) {
        outcome.append(' ').append(answer.statusCode());
        if (answer.statusCode() == 200) {
          TokenClient.Answer issued = TokenClient.answer(answer);
          tokens.put(issued.string("access_token"), "an access token issued by a racing refresh");
          if (issued.string("refresh_token") != null) {
            tokens.put(issued.string("refresh_token"), "a refresh token issued by a racing refresh");
          }
        } else if (answer.statusCode() != 400 || !"invalid_grant".equals(TokenClient.answer(answer).error())) {
          problems.add(where + "refresh answered " + answer.statusCode() + " " + answer.body());
        }
      }
      tokens.forEach((token, what) -> {
        TokenClient.Answer seen = endpoints().introspect(token, null, RS_AUTH);
        if (!INACTIVE.equals(seen.json())) {
          problems.add(where + "after the revocation answered 200, " + what + " is still active: " + seen.json());
        }
      });
      for (String table : List.of(Database.ACCESS_TOKENS, Database.REFRESH_TOKENS)) {
        long live = Database.byGrant(table, grantId).stream().filter(row -> row.get("revoked_at") == null).count();
        if (live > 0) {
          problems.add(where + live + " row(s) of the grant in " + table + " without revoked_at");
        }
      }
      System.out.println("revocation race, " + outcome);
    }
    System.out.println("revocation race, " + clientId + ": " + problems.size() + " problem(s) in " + RACE_ROUNDS
        + " rounds" + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
    assertEquals(List.of(), problems);
  }

  private HttpRequest formPost(String path, String body, String clientId, String secret) {
    return HttpRequest.newBuilder(endpoints().resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", TokenClient.basic(clientId, secret))
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** Sends the requests released together by a start gate, each on an HTTP/1.1 client of its own. */
  private static List<HttpResponse<String>> race(List<HttpRequest> requests) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(requests.size());
    try {
      CountDownLatch ready = new CountDownLatch(requests.size());
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (HttpRequest request : requests) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        futures.add(pool.submit(() -> {
          ready.countDown();
          start.await();
          return http.send(request, HttpResponse.BodyHandlers.ofString());
        }));
      }
      ready.await();
      start.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Tokens of a fresh it-public grant for alice (PKCE, client_id only at the token endpoint). */
  private TokenClient.Answer publicClientTokens() {
    Pkce pkce = Pkce.create();
    String code = Flows.code(new UserAgent(base()), PUBLIC, PUBLIC_REDIRECT, "read", pkce, ALICE, ALICE_PASSWORD);
    TokenClient.Answer answer = new TokenClient(base()).post(
        Fixtures.withClientInBody(Fixtures.codeRedemption(code, PUBLIC_REDIRECT, pkce), PUBLIC, null), null, null);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    assertNotNull(answer.string("refresh_token"));
    return answer;
  }

  /** An access token of a fresh it-userinfo grant for alice. */
  private String userinfoClientToken(String scope) {
    Pkce pkce = Pkce.create();
    String code = Flows.code(new UserAgent(base()), USERINFO, USERINFO_REDIRECT, scope, pkce, ALICE, ALICE_PASSWORD);
    TokenClient.Answer answer = new TokenClient(base()).post(
        Fixtures.codeRedemption(code, USERINFO_REDIRECT, pkce), USERINFO, USERINFO_SECRET);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    return answer.string("access_token");
  }

  private JsonObject userinfoClaims(String accessToken) {
    HttpResponse<String> response = endpoints().userinfo("GET", "Bearer " + accessToken);
    assertEquals(200, response.statusCode(), response::body);
    return json(response.body());
  }

  private static String aliceId() {
    List<Map<String, Object>> rows =
        Database.rows("SELECT id FROM " + Database.PREFIX + "users WHERE username = ?", ALICE);
    assertEquals(1, rows.size(), "alice in the database");
    return (String) rows.get(0).get("id");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Resource indicators (RFC 8707): it-resources is registered for ORDERS and BILLING, with JWT access tokens

  private static final String RESOURCES = "it-resources";
  private static final ClientAuth RESOURCES_AUTH =
      ClientAuth.basic(RESOURCES, "it-resources-secret-0123456789abcdefghijk");
  private static final String RESOURCES_REDIRECT = "http://127.0.0.1:9/resources-callback";
  private static final String ORDERS = "https://orders.example/api";
  private static final String BILLING = "https://billing.example/";

  private static Map<String, String> withResource(Map<String, String> form, String resource) {
    Map<String, String> copy = new LinkedHashMap<>(form);
    copy.put("resource", resource);
    return copy;
  }

  /** The code flow for it-resources and alice, the authorization request naming {@code resources}. */
  private TokenClient.Answer resourceTokens(List<String> resources, String tokenRequestResource) {
    Pkce pkce = Pkce.create();
    String query = UserAgent.form(Fixtures.authorizeParams(RESOURCES, RESOURCES_REDIRECT, "read", pkce, "st"))
        + resources.stream().map(r -> "&resource=" + UserAgent.enc(r)).collect(Collectors.joining());
    Map<String, String> back = Fixtures.query(new UserAgent(base()).authorizeAndAllow(query, ALICE, ALICE_PASSWORD));
    assertNotNull(back.get("code"), back::toString);
    Map<String, String> form = Fixtures.codeRedemption(back.get("code"), RESOURCES_REDIRECT, pkce);
    return endpoints().token(tokenRequestResource == null ? form : withResource(form, tokenRequestResource),
        RESOURCES_AUTH);
  }

  /** The aud of a JWT access token, as a set (RFC 7519 §4.1.3: a string or an array of strings). */
  private static Set<String> jwtAudience(String accessToken) {
    JsonObject claims = dev.gatehouse.protocol.oidc.IndependentJws.payload(accessToken);
    return claims.get("aud") instanceof JsonString one ? Set.of(one.getString()) : strings(claims, "aud");
  }

  private Set<String> introspectedAudience(String accessToken) {
    JsonObject seen = activeJson(endpoints().introspect(accessToken, null, RS_AUTH));
    return seen.get("aud") instanceof JsonString one ? Set.of(one.getString()) : strings(seen, "aud");
  }

  @Test
  void rfc8707_2_2_whenServiceAsksForOneRegisteredResource_thenAudIsThatResource_inTheJwtAndAtIntrospection() {
    TokenClient.Answer answer = endpoints().token(withResource(ServiceFixtures.clientCredentials("read"), ORDERS),
        RESOURCES_AUTH);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    String token = answer.string("access_token");
    Jwks.assertVerifies(base(), token);
    assertEquals(Set.of(ORDERS), jwtAudience(token));
    assertEquals(Set.of(ORDERS), introspectedAudience(token));

    String plain = endpoints().serviceToken(RESOURCES_AUTH, "read");
    assertEquals(Set.of(Fixtures.issuer()), jwtAudience(plain), "no resource: the default audience");
    assertEquals(Set.of(Fixtures.issuer()), introspectedAudience(plain));
  }

  @Test
  void rfc8707_2_whenResourceIsNotRegisteredForTheClient_thenInvalidTarget() {
    for (String bad : List.of("https://hr.example/", "/relative", ORDERS + "#fragment")) {
      TokenClient.Answer answer = endpoints().token(withResource(ServiceFixtures.clientCredentials("read"), bad),
          RESOURCES_AUTH);
      assertError(answer, 400, "invalid_target", bad);
    }
    assertError(endpoints().token(withResource(ServiceFixtures.clientCredentials(null), ORDERS), SERVICE_AUTH), 400,
        "invalid_target", "a client registered for no resource");
  }

  @Test
  void rfc8707_2_1_whenAuthorizationRequestNamesAnUnregisteredResource_thenInvalidTargetRedirected() {
    Pkce pkce = Pkce.create();
    Map<String, String> params = withResource(
        Fixtures.authorizeParams(RESOURCES, RESOURCES_REDIRECT, "read", pkce, "st-1"), "https://hr.example/");
    HttpResponse<String> response = new UserAgent(base()).authorize(params);
    assertEquals(302, response.statusCode(), response::body);
    Map<String, String> back = Fixtures.query(URI.create(UserAgent.location(response)));
    assertTrue(UserAgent.location(response).startsWith(RESOURCES_REDIRECT), () -> UserAgent.location(response));
    assertEquals("invalid_target", back.get("error"), back::toString);
    assertEquals("st-1", back.get("state"));
  }

  @Test
  void rfc8707_2_1_whenCodeGrantedForTwoResources_thenTheTokenIsForBoth_andARefreshMayNarrowToOne() {
    TokenClient.Answer answer = resourceTokens(List.of(ORDERS, BILLING), null);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    assertEquals(Set.of(ORDERS, BILLING), jwtAudience(answer.string("access_token")));
    assertEquals(Set.of(ORDERS, BILLING), introspectedAudience(answer.string("access_token")));

    Map<String, String> refresh = new LinkedHashMap<>();
    refresh.put("grant_type", "refresh_token");
    refresh.put("refresh_token", answer.string("refresh_token"));
    TokenClient.Answer narrowed = endpoints().token(withResource(refresh, BILLING), RESOURCES_AUTH);
    assertEquals(200, narrowed.status(), () -> narrowed.json().toString());
    assertEquals(Set.of(BILLING), jwtAudience(narrowed.string("access_token")));

    refresh.put("refresh_token", narrowed.string("refresh_token"));
    TokenClient.Answer whole = endpoints().token(refresh, RESOURCES_AUTH);
    assertEquals(200, whole.status(), () -> whole.json().toString());
    assertEquals(Set.of(ORDERS, BILLING), jwtAudience(whole.string("access_token")),
        "narrowing one access token does not shrink the grant");
  }

  @Test
  void rfc8707_2_2_whenTokenRequestOrRefreshNamesAResourceOutsideTheGrant_thenInvalidTarget_neverWider() {
    assertError(resourceTokens(List.of(ORDERS), BILLING), 400, "invalid_target", "code for ORDERS, asked BILLING");

    TokenClient.Answer answer = resourceTokens(List.of(ORDERS), ORDERS);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    assertEquals(Set.of(ORDERS), jwtAudience(answer.string("access_token")));
    Map<String, String> refresh = new LinkedHashMap<>();
    refresh.put("grant_type", "refresh_token");
    refresh.put("refresh_token", answer.string("refresh_token"));
    assertError(endpoints().token(withResource(refresh, BILLING), RESOURCES_AUTH), 400, "invalid_target",
        "refresh for a resource the grant does not hold");
    TokenClient.Answer same = endpoints().token(refresh, RESOURCES_AUTH);
    assertEquals(200, same.status(), () -> "the refused refresh used nothing up: " + same.json());
    assertEquals(Set.of(ORDERS), jwtAudience(same.string("access_token")));

    TokenClient.Answer none = resourceTokens(List.of(), null);
    assertEquals(200, none.status(), () -> none.json().toString());
    assertEquals(Set.of(Fixtures.issuer()), jwtAudience(none.string("access_token")));
    refresh.put("refresh_token", none.string("refresh_token"));
    assertError(endpoints().token(withResource(refresh, ORDERS), RESOURCES_AUTH), 400, "invalid_target",
        "a grant for no resource cannot gain one");
  }

  /** An active answer, as JSON: 200, active true, no-store. */
  private static JsonObject activeJson(TokenClient.Answer answer) {
    assertEquals(200, answer.status(), () -> answer.json().toString());
    assertNoStore(answer.raw());
    assertTrue(answer.json().getBoolean("active", false), () -> "expected an active token: " + answer.json());
    return answer.json();
  }

  /** RFC 7662 §2.2: an inactive token is {"active":false} and nothing else, with 200. */
  private static void assertInactive(TokenClient.Answer answer, String what) {
    assertEquals(200, answer.status(), () -> what + ": " + answer.json());
    assertEquals(INACTIVE, answer.json(), what);
    assertNoStore(answer.raw());
  }

  private static void assertError(TokenClient.Answer answer, int status, String error, String what) {
    assertEquals(status, answer.status(), () -> what + ": " + answer.json());
    assertEquals(error, answer.error(), () -> what + ": " + answer.json());
    assertNoStore(answer.raw());
  }

  private static void assertOk(HttpResponse<String> response, String what) {
    assertEquals(200, response.statusCode(), () -> what + ": " + response.body());
  }

  /** RFC 6750 §3.1: 401 with error="invalid_token" in the Bearer challenge. */
  private static void assertInvalidToken(HttpResponse<String> response, String what) {
    assertEquals(401, response.statusCode(), () -> what + ": " + response.body());
    String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
    assertTrue(challenge.startsWith("Bearer ") && challenge.contains("error=\"invalid_token\""),
        () -> what + ": WWW-Authenticate " + challenge);
    assertNoStore(response);
  }

  private static void assertNoStore(HttpResponse<String> response) {
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""),
        () -> response.uri() + " " + response.statusCode() + " without Cache-Control: no-store");
  }

  private static Set<String> scopes(String scope) {
    assertNotNull(scope, "no scope");
    return new TreeSet<>(List.of(scope.split(" ")));
  }

  private static Set<String> strings(JsonObject object, String name) {
    return object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString)
        .collect(Collectors.toSet());
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  /** A value shaped like Gatehouse's tokens (43 characters of base64url) that was never issued. */
  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
