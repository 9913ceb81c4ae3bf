package dev.gatehouse.it;

import static dev.gatehouse.it.Fixtures.OIDC;
import static dev.gatehouse.it.Fixtures.OIDC_REDIRECT;
import static dev.gatehouse.it.Fixtures.OIDC_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.oidc.IndependentJws;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gatehouse as an OpenID Connect provider over HTTP: discovery, ID tokens (verified with the JDK's own signature code
 * against the published JWKS, never with the Nimbus code that signed them), the authorization request parameters of
 * OpenID Connect Core §3.1.2.1, refresh, and UserInfo.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OidcIT {
  private static final String ES = "it-oidc-es";
  private static final String ES_SECRET = "it-oidc-es-secret-0123456789abcdefghijklmn";
  private static final String ES_REDIRECT = "http://127.0.0.1:9/oidc-es-callback";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private URI base() {
    return URI.create(url.toString());
  }

  private JsonObject getJson(String path) {
    HttpResponse<String> response = new UserAgent(base()).get(path);
    assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
    return IndependentJws.json(response.body());
  }

  /** An authorization request of it-oidc (or another client) with state, nonce and PKCE. */
  private static Map<String, String> request(String clientId, String redirect, String scope, Pkce pkce,
      Map<String, String> extra) {
    Map<String, String> p = Fixtures.authorizeParams(clientId, redirect, scope, pkce, UUID.randomUUID().toString());
    p.putAll(extra);
    return p;
  }

  /** The result of a whole code flow: the token response and what the ID token says. */
  private record Signed(TokenClient.Answer answer, String idToken, JsonObject claims) {}

  private Signed signIn(UserAgent agent, String clientId, String secret, String redirect, String scope,
      Map<String, String> extra, String username, String password) {
    Pkce pkce = Pkce.create();
    URI back = agent.authorizeAndAllow(request(clientId, redirect, scope, pkce, extra), username, password);
    String code = Fixtures.query(back).get("code");
    assertNotNull(code, () -> "no code in " + back);
    return redeem(code, pkce, clientId, secret, redirect);
  }

  private Signed redeem(String code, Pkce pkce, String clientId, String secret, String redirect) {
    TokenClient.Answer answer =
        new TokenClient(base()).post(Fixtures.codeRedemption(code, redirect, pkce), clientId, secret);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    String idToken = answer.string("id_token");
    assertNotNull(idToken, () -> "no id_token in " + answer.json());
    return new Signed(answer, idToken, IndependentJws.payload(idToken));
  }


  // ---------------------------------------------------------------------------------------------------------------
  // Discovery

  @Test
  void discovery_4_whenFetched_thenIssuerExactAndEveryAdvertisedEndpointAnswers() {
    JsonObject config = getJson("/.well-known/openid-configuration");
    assertEquals(Fixtures.issuer(), config.getString("issuer"));
    for (String endpoint : List.of("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri",
        "introspection_endpoint", "revocation_endpoint", "end_session_endpoint")) {
      String value = config.getString(endpoint);
      assertTrue(value.startsWith(Fixtures.issuer() + "/"), endpoint);
      int status = new UserAgent(base()).get(value.substring(Fixtures.issuer().length())).statusCode();
      assertNotEquals(404, status, endpoint + " " + value);
      assertTrue(status < 500, endpoint + " answered " + status);
    }
    assertEquals(List.of("code"), strings(config, "response_types_supported"));
    assertEquals(List.of("public"), strings(config, "subject_types_supported"));
    assertEquals(List.of("en", "zh-CN"), strings(config, "ui_locales_supported"));
    assertEquals(Set.of("RS256", "ES256"), Set.copyOf(strings(config, "id_token_signing_alg_values_supported")));
    assertTrue(strings(config, "scopes_supported").containsAll(List.of("openid", "profile", "email", "phone",
        "address", "offline_access")));
    assertTrue(strings(config, "claims_supported").containsAll(List.of("sub", "auth_time", "nonce", "email")));
    assertFalse(strings(config, "claims_supported").contains("acr"), "no acr is ever issued, so none is advertised");
    assertEquals(JsonValue.FALSE, config.get("request_uri_parameter_supported"),
        "request_uri is not supported, and Discovery §3 makes its absence mean true");
    assertEquals(JsonValue.FALSE, config.get("request_parameter_supported"));
    assertEquals(JsonValue.TRUE, config.get("backchannel_logout_supported"));
    assertEquals(JsonValue.TRUE, config.get("backchannel_logout_session_supported"));
  }

  /** RFC 8414 §3 and Discovery: the two documents never disagree about a member both carry. */
  @Test
  void rfc8414_whenBothDocumentsFetched_thenEverySharedMemberIsEqual() {
    JsonObject oauth = getJson("/.well-known/oauth-authorization-server");
    JsonObject oidc = getJson("/.well-known/openid-configuration");
    for (String name : oauth.keySet()) {
      assertEquals(oauth.get(name), oidc.get(name), name);
    }
    assertTrue(oidc.keySet().containsAll(oauth.keySet()));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ID token

  @Test
  void oidcCore_3_1_3_6_whenCodeRedeemed_thenIdTokenWithEveryClaimAndVerifiableSignature() {
    long before = System.currentTimeMillis() / 1000;
    Signed signed = signIn(new UserAgent(base()), OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid",
        Map.of("nonce", "n-0S6_WzA2Mj"), Fixtures.ALICE, Fixtures.ALICE_PASSWORD);
    long after = System.currentTimeMillis() / 1000;
    Jwks.assertVerifies(base(), signed.idToken());
    assertEquals("RS256", IndependentJws.header(signed.idToken()).getString("alg"));
    JsonObject claims = signed.claims();
    assertEquals(Fixtures.issuer(), claims.getString("iss"));
    assertEquals(OIDC, claims.getString("aud"));
    assertEquals(OIDC, claims.getString("azp"));
    assertEquals("n-0S6_WzA2Mj", claims.getString("nonce"));
    long iat = claims.getJsonNumber("iat").longValue();
    long authTime = claims.getJsonNumber("auth_time").longValue();
    assertTrue(before <= authTime && authTime <= iat && iat <= after + 1, claims::toString);
    assertTrue(claims.getJsonNumber("exp").longValue() > iat);
    assertEquals("pwd", claims.getJsonArray("amr").getString(0));
    assertEquals(dev.gatehouse.protocol.oidc.IdTokenIssuer.atHash(signed.answer().string("access_token")),
        claims.getString("at_hash"));
    // The sub is the stable user id, the same at the UserInfo endpoint.
    JsonObject userinfo = userinfo(signed.answer().string("access_token"));
    assertEquals(claims.getString("sub"), userinfo.getString("sub"));
    assertNotEquals(Fixtures.ALICE, claims.getString("sub"));
  }

  @Test
  void oidcRegistration_2_whenClientRegisteredEs256_thenIdTokenSignedWithEs256() {
    Signed signed = signIn(new UserAgent(base()), ES, ES_SECRET, ES_REDIRECT, "openid", Map.of(),
        Fixtures.ALICE, Fixtures.ALICE_PASSWORD);
    assertEquals("ES256", IndependentJws.header(signed.idToken()).getString("alg"));
    Jwks.assertVerifies(base(), signed.idToken());
  }

  @Test
  void oidcCore_5_4_whenEveryScope_thenTheUsersClaimsInIdTokenAndUserinfo() {
    Signed signed = signIn(new UserAgent(base()), OIDC, OIDC_SECRET, OIDC_REDIRECT,
        "openid profile email phone address", Map.of(), Fixtures.DAVE, Fixtures.DAVE_PASSWORD);
    for (JsonObject claims : List.of(signed.claims(), userinfo(signed.answer().string("access_token")))) {
      assertEquals("Dave Example", claims.getString("name"));
      assertEquals("Dave", claims.getString("given_name"));
      assertEquals("Example", claims.getString("family_name"));
      assertEquals(Fixtures.DAVE, claims.getString("preferred_username"));
      assertEquals("en-GB", claims.getString("locale"));
      assertEquals("Europe/London", claims.getString("zoneinfo"));
      assertEquals("dave@example.com", claims.getString("email"));
      assertTrue(claims.getBoolean("email_verified"));
      assertEquals("+44 20 7946 0000", claims.getString("phone_number"));
      assertTrue(claims.getBoolean("phone_number_verified"));
      assertEquals("London", claims.getJsonObject("address").getString("locality"));
      assertEquals("GB", claims.getJsonObject("address").getString("country"));
    }
  }

  @Test
  void oidcCore_5_4_whenOnlyOpenid_thenNoProfileClaims() {
    Signed signed = signIn(new UserAgent(base()), OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid", Map.of(),
        Fixtures.DAVE, Fixtures.DAVE_PASSWORD);
    for (String claim : List.of("name", "email", "phone_number", "address", "preferred_username")) {
      assertFalse(signed.claims().containsKey(claim), claim);
    }
    assertEquals(Set.of("sub"), userinfo(signed.answer().string("access_token")).keySet());
  }

  @Test
  void oauth_whenNoOpenidScope_thenNoIdToken() {
    Pkce pkce = Pkce.create();
    URI back = new UserAgent(base()).authorizeAndAllow(request(OIDC, OIDC_REDIRECT, "read", pkce, Map.of()),
        Fixtures.ALICE, Fixtures.ALICE_PASSWORD);
    TokenClient.Answer answer = new TokenClient(base()).post(
        Fixtures.codeRedemption(Fixtures.query(back).get("code"), OIDC_REDIRECT, pkce), OIDC, OIDC_SECRET);
    assertEquals(200, answer.status());
    assertFalse(answer.json().containsKey("id_token"));
  }

  /** Core §12.2: the ID token of a refresh keeps sub and auth_time, has a new iat, and no nonce. */
  @Test
  void oidcCore_12_2_whenRefreshed_thenNewIdTokenSameSubAndAuthTimeNoNonce() throws InterruptedException {
    Signed first = signIn(new UserAgent(base()), OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid offline_access",
        Map.of("nonce", "first-nonce"), Fixtures.BOB, Fixtures.BOB_PASSWORD);
    Thread.sleep(1100); // iat has a resolution of one second
    TokenClient.Answer refreshed = new TokenClient(base()).post(
        Fixtures.refresh(first.answer().string("refresh_token"), null), OIDC, OIDC_SECRET);
    assertEquals(200, refreshed.status(), () -> refreshed.json().toString());
    String idToken = refreshed.string("id_token");
    assertNotNull(idToken);
    Jwks.assertVerifies(base(), idToken);
    JsonObject claims = IndependentJws.payload(idToken);
    assertEquals(first.claims().getString("sub"), claims.getString("sub"));
    assertEquals(first.claims().getJsonNumber("auth_time"), claims.getJsonNumber("auth_time"));
    assertTrue(claims.getJsonNumber("iat").longValue() > first.claims().getJsonNumber("iat").longValue());
    assertFalse(claims.containsKey("nonce"));
    assertEquals(OIDC, claims.getString("aud"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Authorization request parameters (Core §3.1.2.1)

  @Test
  void oidcCore_3_1_2_1_promptNone_whenNotSignedIn_thenLoginRequiredWithoutAnyPage() {
    HttpResponse<String> response = new UserAgent(base()).authorize(
        request(OIDC, OIDC_REDIRECT, "openid", Pkce.create(), Map.of("prompt", "none")));
    assertErrorRedirect(response, "login_required");
  }

  @Test
  void oidcCore_3_1_2_1_promptNone_whenSignedInButConsentMissing_thenConsentRequired() {
    UserAgent agent = new UserAgent(base());
    signIn(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid", Map.of(), Fixtures.CAROL, Fixtures.CAROL_PASSWORD);
    HttpResponse<String> response = agent.authorize(request(OIDC, OIDC_REDIRECT, "openid phone", Pkce.create(),
        Map.of("prompt", "none")));
    assertErrorRedirect(response, "consent_required");
  }

  @Test
  void oidcCore_3_1_2_1_promptNone_whenSignedInAndConsented_thenCodeWithoutAnyPage() {
    UserAgent agent = new UserAgent(base());
    signIn(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid", Map.of(), Fixtures.CAROL, Fixtures.CAROL_PASSWORD);
    Pkce pkce = Pkce.create();
    HttpResponse<String> response = agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", pkce,
        Map.of("prompt", "none")));
    assertEquals(302, response.statusCode());
    String code = Fixtures.query(URI.create(UserAgent.location(response))).get("code");
    assertNotNull(code, UserAgent.location(response));
    redeem(code, pkce, OIDC, OIDC_SECRET, OIDC_REDIRECT);
  }

  /** Core §11: offline_access is a refresh token the user must agree to; a remembered narrower consent is not it. */
  @Test
  void oidcCore_11_offlineAccess_whenNotYetConsented_thenConsentPageOrConsentRequired() {
    UserAgent agent = new UserAgent(base());
    signIn(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid profile", Map.of(), Fixtures.DAVE,
        Fixtures.DAVE_PASSWORD);
    assertErrorRedirect(agent.authorize(request(OIDC, OIDC_REDIRECT, "openid profile offline_access",
        Pkce.create(), Map.of("prompt", "none"))), "consent_required");
    HttpResponse<String> page = agent.authorize(request(OIDC, OIDC_REDIRECT, "openid profile offline_access",
        Pkce.create(), Map.of()));
    assertEquals(200, page.statusCode(), "the consent page");
    assertTrue(page.body().contains("offline_access"), "the page names what is asked");
  }

  @Test
  void oidcCore_3_1_2_1_maxAge_whenSignInOlder_thenSignInAgainAndNewAuthTime() throws InterruptedException {
    UserAgent agent = new UserAgent(base());
    Signed first = signIn(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid", Map.of(), Fixtures.ALICE,
        Fixtures.ALICE_PASSWORD);
    Thread.sleep(2100);
    HttpResponse<String> response = agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create(),
        Map.of("max_age", "1")));
    assertTrue(UserAgent.isRedirectTo(response, "/login"), "max_age 1 s after a sign-in 2 s ago: sign in again");
    Signed second = signIn(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid", Map.of("max_age", "1"),
        Fixtures.ALICE, Fixtures.ALICE_PASSWORD);
    assertTrue(second.claims().getJsonNumber("auth_time").longValue()
        > first.claims().getJsonNumber("auth_time").longValue());
    // A generous max_age does not ask again.
    HttpResponse<String> silent = agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create(),
        Map.of("max_age", "3600", "prompt", "none")));
    assertNotNull(Fixtures.query(URI.create(UserAgent.location(silent))).get("code"));
  }

  @Test
  void oidcCore_3_1_2_1_loginHint_whenSent_thenSignInFormPrefilled() {
    UserAgent agent = new UserAgent(base());
    HttpResponse<String> toLogin = agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create(),
        Map.of("login_hint", "dave")));
    HttpResponse<String> page = agent.get(UserAgent.location(toLogin));
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("value=\"dave\""), "the username field holds the hint");
    HttpResponse<String> hostile = agent.get(UserAgent.location(agent.authorize(request(OIDC, OIDC_REDIRECT,
        "openid", Pkce.create(), Map.of("login_hint", "\"><script>alert(1)</script>")))));
    assertFalse(hostile.body().contains("<script>alert(1)"), "the hint is escaped");
  }

  @Test
  void oidcCore_3_1_2_1_idTokenHint_whenSameUser_thenSilent_whenOtherUser_thenLoginRequired() {
    UserAgent agent = new UserAgent(base());
    Signed alice = signIn(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid", Map.of(), Fixtures.ALICE,
        Fixtures.ALICE_PASSWORD);
    Signed bob = signIn(new UserAgent(base()), OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid", Map.of(), Fixtures.BOB,
        Fixtures.BOB_PASSWORD);
    HttpResponse<String> same = agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create(),
        Map.of("prompt", "none", "id_token_hint", alice.idToken())));
    assertNotNull(Fixtures.query(URI.create(UserAgent.location(same))).get("code"), UserAgent.location(same));
    assertErrorRedirect(agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create(),
        Map.of("prompt", "none", "id_token_hint", bob.idToken()))), "login_required");
    // Without prompt=none, the hinted user is asked to sign in instead of alice being used silently.
    assertTrue(UserAgent.isRedirectTo(agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create(),
        Map.of("id_token_hint", bob.idToken()))), "/login"));
  }

  @Test
  void oidcCore_3_1_2_1_idTokenHint_whenForgedOrForAnotherClient_thenInvalidRequest() {
    UserAgent agent = new UserAgent(base());
    Signed es = signIn(agent, ES, ES_SECRET, ES_REDIRECT, "openid", Map.of(), Fixtures.ALICE,
        Fixtures.ALICE_PASSWORD);
    assertErrorRedirect(agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create(),
        Map.of("id_token_hint", es.idToken()))), "invalid_request");
    String forged = es.idToken().substring(0, es.idToken().lastIndexOf('.') + 1) + "AAAA";
    assertErrorRedirect(agent.authorize(request(ES, ES_REDIRECT, "openid", Pkce.create(),
        Map.of("id_token_hint", forged))), "invalid_request");
  }

  @Test
  void oidcCore_3_1_2_6_whenRequestObjectOrRequestUri_thenNotSupported() {
    UserAgent agent = new UserAgent(base());
    assertErrorRedirect(agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create(),
        Map.of("request", "eyJhbGciOiJub25lIn0.e30."))), "request_not_supported");
    assertErrorRedirect(agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create(),
        Map.of("request_uri", "https://rp.example/request.jwt"))), "request_uri_not_supported");
  }

  @Test
  void oidcCore_3_1_2_1_whenOpenidWithoutRedirectUri_thenInvalidRequest() {
    Map<String, String> p = request(OIDC, OIDC_REDIRECT, "openid", Pkce.create(), Map.of());
    p.remove("redirect_uri");
    assertErrorRedirect(new UserAgent(base()).authorize(p), "invalid_request");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Page language (ui_locales, then Accept-Language) and the operator's branding

  private HttpResponse<String> loginPage(Map<String, String> extra, String acceptLanguage) {
    UserAgent agent = new UserAgent(base());
    HttpResponse<String> toLogin = agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create(), extra));
    java.net.http.HttpRequest.Builder get = java.net.http.HttpRequest.newBuilder(
        base().resolve(UserAgent.location(toLogin))).GET();
    if (acceptLanguage != null) {
      get.header("Accept-Language", acceptLanguage);
    }
    HttpResponse<String> page = agent.exchange(get);
    assertEquals(200, page.statusCode());
    return page;
  }

  @Test
  void oidcCore_3_1_2_1_uiLocales_whenZhCn_thenTheSignInPageIsInSimplifiedChinese() {
    HttpResponse<String> page = loginPage(Map.of("ui_locales", "zh-CN en"), "en");
    assertTrue(page.body().contains("<html lang=\"zh-CN\">"), page::body);
    assertTrue(page.body().contains("用户名") && page.body().contains("密码"), page::body);
    assertEquals("zh-CN", page.headers().firstValue("Content-Language").orElse(""));
  }

  @Test
  void pages_whenNoUiLocales_thenAcceptLanguage_andUiLocalesWinsOverIt() {
    assertTrue(loginPage(Map.of(), "zh-CN,zh;q=0.9").body().contains("用户名"), "Accept-Language zh-CN");
    assertTrue(loginPage(Map.of(), "zh-TW").body().contains("用户名"), "any Chinese: the Simplified pages");
    HttpResponse<String> english = loginPage(Map.of("ui_locales", "en"), "zh-CN");
    assertTrue(english.body().contains("Username") && !english.body().contains("用户名"), english::body);
    HttpResponse<String> french = loginPage(Map.of("ui_locales", "fr"), "fr-FR");
    assertTrue(french.body().contains("<html lang=\"en\">"), "an unsupported language falls back to English");
  }

  @Test
  void pages_whenOperatorBrandsThem_thenNameLogoAndStylesheetWithoutRebuildingAndCspStillSelf() {
    HttpResponse<String> page = loginPage(Map.of(), "en");
    assertTrue(page.body().contains("<span id=\"brand-name\">Example Corp Sign-In</span>"), page::body);
    assertTrue(page.body().contains("src=\"/brand/logo.svg\""), page::body);
    assertTrue(page.body().contains("href=\"/brand/brand.css\""), page::body);
    UserAgent agent = new UserAgent(base());
    HttpResponse<String> css = agent.get("/brand/brand.css");
    assertEquals(200, css.statusCode());
    assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
    assertTrue(css.body().contains("header.brand"));
    assertTrue(agent.get("/brand/logo.svg").headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
    for (String hostile : List.of("/brand/..%2Fpom.xml", "/brand/missing.css", "/brand/notes.txt", "/brand/")) {
      assertEquals(404, agent.get(hostile).statusCode(), hostile);
    }
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("style-src 'self'") && csp.contains("img-src 'self'"), "branding needs no CSP change: " + csp);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // JWT access tokens (RFC 9068), a per-client option

  private static final String JWT = "it-jwt";
  private static final String JWT_SECRET = "it-jwt-secret-0123456789abcdefghijklmnopqrs";
  private static final ResourceEndpoints.ClientAuth RS_AUTH =
      ResourceEndpoints.ClientAuth.basic("it-rs", "it-rs-secret-0123456789abcdefghijklmnopqrs");

  @Test
  void rfc9068_whenClientRegisteredForJwt_thenVerifiableOfflineAndStillIntrospectableAndRevocable() {
    ResourceEndpoints endpoints = new ResourceEndpoints(base());
    ResourceEndpoints.ClientAuth jwtAuth = ResourceEndpoints.ClientAuth.basic(JWT, JWT_SECRET);
    String token = endpoints.serviceToken(jwtAuth, "read");
    assertEquals("at+jwt", IndependentJws.header(token).getString("typ"));
    Jwks.assertVerifies(base(), token);
    JsonObject claims = IndependentJws.payload(token);
    assertEquals(Fixtures.issuer(), claims.getString("iss"));
    assertEquals(JWT, claims.getString("client_id"));
    assertEquals(JWT, claims.getString("sub"), "RFC 9068 §2.2: the client itself for client_credentials");
    assertEquals("read", claims.getString("scope"));

    JsonObject introspected = endpoints.introspect(token, null, RS_AUTH).json();
    assertTrue(introspected.getBoolean("active"), introspected::toString);
    assertEquals(JWT, introspected.getString("client_id"));
    assertEquals(200, endpoints.revoke(token, null, jwtAuth).statusCode());
    assertFalse(endpoints.introspect(token, null, RS_AUTH).json().getBoolean("active"),
        "revoked: introspection says so, although the signature still verifies offline until exp");
  }

  @Test
  void rfc9068_whenOpaqueClient_thenAccessTokenIsNoJwt() {
    String token = new ResourceEndpoints(base()).serviceToken(
        ResourceEndpoints.ClientAuth.basic("it-service", "it-service-secret-0123456789abcdefghijklmn"), null);
    assertEquals(-1, token.indexOf('.'), "opaque stays the default");
  }

  // ---------------------------------------------------------------------------------------------------------------

  private JsonObject userinfo(String accessToken) {
    HttpResponse<String> response = new ResourceEndpoints(base()).userinfo("GET", "Bearer " + accessToken);
    assertEquals(200, response.statusCode(), response::body);
    return IndependentJws.json(response.body());
  }

  private static void assertErrorRedirect(HttpResponse<String> response, String error) {
    assertEquals(302, response.statusCode(), response::body);
    Map<String, String> query = Fixtures.query(URI.create(UserAgent.location(response)));
    assertEquals(error, query.get("error"), query::toString);
    assertEquals(Fixtures.issuer(), query.get("iss"));
    assertFalse(query.containsKey("code"));
  }

  private static List<String> strings(JsonObject object, String name) {
    return object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString)
        .collect(Collectors.toList());
  }
}
