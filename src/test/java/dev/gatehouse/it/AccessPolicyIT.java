package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.it.ResourceEndpoints.ClientAuth;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-client access policies and first-party clients over HTTP, with their audit rows (it-mariadb execution only: it
 * reads the audit trail and the users table). it-bootstrap.json registers it-staff-only (role it-staff or directory
 * group it-finance), it-engineering-only (directory group Engineering, which the test directory has as engineering:
 * grace is in it, hedy is not) and it-first-party. Each test creates the database users it needs, with a name of its
 * own.
 */
@ExtendWith({MariaDbOnly.class, ArquillianExtension.class})
@RunAsClient
class AccessPolicyIT {
  private static final String STAFF_ONLY = "it-staff-only";
  private static final String STAFF_SECRET = "it-staff-only-secret-0123456789abcdefghijk";
  private static final String STAFF_REDIRECT = "http://127.0.0.1:9/staff-callback";
  private static final String ENGINEERING_ONLY = "it-engineering-only";
  private static final String ENGINEERING_SECRET = "it-engineering-only-secret-0123456789abcd";
  private static final String ENGINEERING_REDIRECT = "http://127.0.0.1:9/engineering-callback";
  private static final String FIRST_PARTY = "it-first-party";
  private static final String FIRST_PARTY_SECRET = "it-first-party-secret-0123456789abcdefghij";
  private static final String FIRST_PARTY_REDIRECT = "http://127.0.0.1:9/first-party-callback";
  private static final String PASSWORD = "access-policy-password-1";
  private static final String AUDIT = Database.PREFIX + "audit_events";

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

  // ---- the admin API, for users, roles and consents

  private String adminToken() {
    return endpoints().serviceToken(ClientAuth.basic("it-admin-automation",
        "it-admin-automation-secret-0123456789abcdefg"), "gatehouse:admin");
  }

  private JsonObject admin(String method, String path, JsonObject body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve("/admin/api" + path))
        .header("Authorization", "Bearer " + adminToken())
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = endpoints().send(request);
    assertTrue(response.statusCode() / 100 == 2, () -> method + " " + path + ": " + response.statusCode() + " "
        + response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** A database user with {@link #PASSWORD} and these roles; returns its subject. */
  private String createUser(String username, String... roles) {
    JsonObjectBuilder user = Json.createObjectBuilder().add("username", username).add("password", PASSWORD)
        .add("name", "Policy " + username).add("roles", Json.createArrayBuilder(List.of(roles)));
    return admin("POST", "/users", user.build()).getString("sub");
  }

  private void setRoles(String subject, String... roles) {
    admin("PUT", "/users/" + subject, Json.createObjectBuilder().add("name", "Policy user")
        .add("roles", Json.createArrayBuilder(List.of(roles))).build());
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  // ---- the trail

  private static List<Map<String, Object>> events(String type, String clientId, String subject) {
    return Database.rows("SELECT * FROM " + AUDIT + " WHERE event_type = ? AND client_id = ? AND subject = ?",
        type, clientId, subject);
  }

  private static String subjectOf(String username) {
    return (String) Database.rows("SELECT id FROM " + Database.PREFIX + "users WHERE username = ?", username)
        .get(0).get("id");
  }

  // ---- the front channel

  /** Authorize, sign in, and the answer that follows the sign-in (a redirect to the client, or the consent page). */
  private static HttpResponse<String> afterSignIn(UserAgent agent, Map<String, String> params, String username,
      String password) {
    HttpResponse<String> first = agent.authorize(params);
    assertTrue(UserAgent.isRedirectTo(first, "/login"), () -> "sign-in first: " + first.statusCode());
    return agent.signIn(first, username, password);
  }

  /** The query of a redirect to {@code redirectUri}. */
  private static Map<String, String> backAt(String redirectUri, HttpResponse<String> response) {
    String location = UserAgent.location(response);
    assertTrue(location.startsWith(redirectUri + "?"), location);
    return Fixtures.query(URI.create(location));
  }

  /** A code for it-staff-only, from a new user who holds it-staff and allowed the request. */
  private record StaffCode(String subject, Pkce pkce, String code) {}

  private StaffCode staffCode(String prefix) {
    String username = unique(prefix);
    String subject = createUser(username, "it-staff");
    Pkce pkce = Pkce.create();
    return new StaffCode(subject, pkce, Flows.code(new UserAgent(base()), STAFF_ONLY, STAFF_REDIRECT, "openid read",
        pkce, username, PASSWORD));
  }

  private boolean active(String token) {
    TokenClient.Answer answer = endpoints().introspect(token, null,
        ClientAuth.basic(ServiceFixtures.RS, ServiceFixtures.RS_SECRET));
    assertEquals(200, answer.status());
    return answer.json().getBoolean("active");
  }

  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void rfc6749_4_1_2_1_whenTheUserLacksTheRole_thenAccessDeniedAtTheRedirectUriWithStateAndIss_neverACode() {
    String username = unique("no-role");
    String subject = createUser(username, "other-role");
    String state = UUID.randomUUID().toString();

    HttpResponse<String> answer = afterSignIn(new UserAgent(base()),
        Fixtures.authorizeParams(STAFF_ONLY, STAFF_REDIRECT, "openid read", Pkce.create(), state), username,
        PASSWORD);

    Map<String, String> query = backAt(STAFF_REDIRECT, answer);
    assertEquals("access_denied", query.get("error"));
    assertEquals(state, query.get("state"), "RFC 6749 §4.1.2.1: state as received");
    assertEquals(Fixtures.issuer(), query.get("iss"), "RFC 9207 §2");
    assertNull(query.get("code"));
    assertTrue(Database.rows("SELECT id FROM " + Database.CODES + " WHERE subject = ?", subject).isEmpty(),
        "no code was issued");
    List<Map<String, Object>> refusals = events("ACCESS_DENIED_BY_POLICY", STAFF_ONLY, subject);
    assertEquals(1, refusals.size(), refusals::toString);
    assertEquals("failure", refusals.get(0).get("outcome"));
    assertEquals(username, refusals.get(0).get("username"));
  }

  @Test
  void whenTheUserHoldsTheRole_thenACode_andOnceTheRoleIsTakenTheRefreshIsInvalidGrantAndTheGrantRevoked() {
    StaffCode staff = staffCode("staff");
    String subject = staff.subject();
    TokenClient.Answer tokens = new TokenClient(base()).post(
        Fixtures.codeRedemption(staff.code(), STAFF_REDIRECT, staff.pkce()), STAFF_ONLY, STAFF_SECRET);
    assertEquals(200, tokens.status(), () -> tokens.json().toString());
    String refreshToken = tokens.string("refresh_token");
    assertNotNull(refreshToken);
    TokenClient.Answer refreshed = new TokenClient(base()).post(Fixtures.refresh(refreshToken, null), STAFF_ONLY,
        STAFF_SECRET);
    assertEquals(200, refreshed.status(), "while the user holds the role, refreshes go on");

    setRoles(subject);
    TokenClient.Answer refused = new TokenClient(base()).post(Fixtures.refresh(refreshed.string("refresh_token"),
        null), STAFF_ONLY, STAFF_SECRET);

    assertEquals(400, refused.status(), () -> refused.json().toString());
    assertEquals("invalid_grant", refused.error());
    assertFalse(active(refreshed.string("access_token")), "the grant is revoked with its tokens");
    List<Map<String, Object>> refusals = events("ACCESS_DENIED_BY_POLICY", STAFF_ONLY, subject);
    assertEquals(1, refusals.size(), refusals::toString);
    assertTrue(((String) refusals.get(0).get("details")).contains("\"grant_type\":\"refresh_token\""),
        refusals::toString);
  }

  @Test
  void rfc6749_5_2_whenTheRoleIsTakenBetweenTheCodeAndItsRedemption_thenInvalidGrantAndAudited() {
    StaffCode staff = staffCode("staff-code");
    String subject = staff.subject();
    setRoles(subject, "other-role");

    TokenClient.Answer refused = new TokenClient(base()).post(
        Fixtures.codeRedemption(staff.code(), STAFF_REDIRECT, staff.pkce()), STAFF_ONLY, STAFF_SECRET);

    assertEquals(400, refused.status(), () -> refused.json().toString());
    assertEquals("invalid_grant", refused.error());
    assertEquals(1, events("ACCESS_DENIED_BY_POLICY", STAFF_ONLY, subject).size());
    assertTrue(events("TOKEN_ISSUED", STAFF_ONLY, subject).isEmpty());
  }

  @Test
  void whenTheClientAllowsADirectoryGroup_thenItsMemberGetsACode_andAnotherDirectoryUserAccessDenied() {
    Pkce pkce = Pkce.create();
    String code = Flows.code(new UserAgent(base()), ENGINEERING_ONLY, ENGINEERING_REDIRECT, "openid read", pkce,
        "grace", "grace-ldap-password-22");
    TokenClient.Answer tokens = new TokenClient(base()).post(
        Fixtures.codeRedemption(code, ENGINEERING_REDIRECT, pkce), ENGINEERING_ONLY, ENGINEERING_SECRET);
    assertEquals(200, tokens.status(), () -> tokens.json().toString());
    Object groups = Database.rows("SELECT directory_groups FROM " + Database.PREFIX + "users WHERE username = ?",
        "grace").get(0).get("directory_groups");
    assertEquals("[\"engineering\"]", groups, "the group names the directory gave at sign-in");

    String state = UUID.randomUUID().toString();
    Map<String, String> refused = backAt(ENGINEERING_REDIRECT, afterSignIn(new UserAgent(base()),
        Fixtures.authorizeParams(ENGINEERING_ONLY, ENGINEERING_REDIRECT, "openid read", Pkce.create(), state),
        "hedy", "hedy-ldap-password-333"));
    assertEquals("access_denied", refused.get("error"));
    assertEquals(state, refused.get("state"));
    assertNull(refused.get("code"));
    assertFalse(events("ACCESS_DENIED_BY_POLICY", ENGINEERING_ONLY, subjectOf("hedy")).isEmpty());
  }

  @Test
  void firstParty_whenTheUserNeverConsented_thenNoConsentPage_theConsentIsRecordedAndAudited_promptConsentAsks() {
    String username = unique("first-party");
    String subject = createUser(username);
    UserAgent agent = new UserAgent(base());
    Pkce pkce = Pkce.create();
    String state = UUID.randomUUID().toString();

    Map<String, String> back = backAt(FIRST_PARTY_REDIRECT, afterSignIn(agent,
        Fixtures.authorizeParams(FIRST_PARTY, FIRST_PARTY_REDIRECT, "openid read", pkce, state), username,
        PASSWORD));

    assertEquals(state, back.get("state"));
    assertEquals(Fixtures.issuer(), back.get("iss"));
    TokenClient.Answer tokens = new TokenClient(base()).post(
        Fixtures.codeRedemption(back.get("code"), FIRST_PARTY_REDIRECT, pkce), FIRST_PARTY, FIRST_PARTY_SECRET);
    assertEquals(200, tokens.status(), () -> tokens.json().toString());
    JsonObject consents = admin("GET", "/users/" + subject + "/consents", null);
    assertEquals(1, consents.getInt("total"), consents::toString);
    JsonObject consent = consents.getJsonArray("items").getJsonObject(0);
    assertEquals(FIRST_PARTY, consent.getString("client_id"));
    assertEquals("openid read", consent.getString("scope"));
    assertEquals(1, events("CONSENT_GRANTED_IMPLICITLY", FIRST_PARTY, subject).size());
    assertTrue(events("CONSENT_GRANTED", FIRST_PARTY, subject).isEmpty(), "nobody pressed Allow");

    Map<String, String> again = Fixtures.authorizeParams(FIRST_PARTY, FIRST_PARTY_REDIRECT, "openid read",
        Pkce.create(), state);
    again.put("prompt", "consent");
    HttpResponse<String> page = agent.authorize(again);
    assertEquals(200, page.statusCode(), "OpenID Connect Core §3.1.2.1: prompt=consent still asks");
    assertTrue(page.body().contains("id=\"allow\""), page::body);
  }

  @Test
  void rfc7591_2_whenAClientRegistersItselfAsFirstPartyOrWithAnAccessPolicy_thenInvalidClientMetadata() {
    for (String extra : List.of("\"first_party\": true", "\"allowed_roles\": [\"it-staff\"]",
        "\"allowed_groups\": [\"engineering\"]")) {
      String name = unique("dcr-policy");
      String body = """
          {"client_name": "%s", "redirect_uris": ["http://127.0.0.1:9/dcr-policy"],
           "grant_types": ["authorization_code"], "scope": "openid", %s}
          """.formatted(name, extra);
      HttpResponse<String> response = register("POST", base().resolve("/oauth2/register"),
          System.getProperty("gatehouse.it.initialToken"), body);
      assertEquals(400, response.statusCode(), response::body);
      assertEquals("invalid_client_metadata",
          Json.createReader(new StringReader(response.body())).readObject().getString("error"), response::body);
      assertTrue(Database.rows("SELECT client_id FROM " + Database.PREFIX + "clients WHERE client_name = ?", name)
          .isEmpty(), "nothing registered");
    }
  }

  @Test
  void rfc7592_2_2_whenASelfRegisteredClientTheOperatorRestrictedUpdatesItself_thenThePolicyStaysAndIsNotShownToIt() {
    String registration = """
        {"client_name": "%s", "redirect_uris": ["http://127.0.0.1:9/dcr-restricted"],
         "grant_types": ["authorization_code"], "scope": "openid"}""".formatted(unique("dcr-restricted"));
    HttpResponse<String> created = register("POST", base().resolve("/oauth2/register"),
        System.getProperty("gatehouse.it.initialToken"), registration);
    assertEquals(201, created.statusCode(), created::body);
    JsonObject info = Json.createReader(new StringReader(created.body())).readObject();
    String clientId = info.getString("client_id");
    JsonObject restricted = Json.createObjectBuilder(Json.createReader(new StringReader(registration)).readObject())
        .add("allowed_roles", Json.createArrayBuilder().add("it-staff")).build();
    admin("PUT", "/clients/" + clientId, restricted);

    HttpResponse<String> updated = register("PUT", URI.create(info.getString("registration_client_uri")),
        info.getString("registration_access_token"), Json.createObjectBuilder(
            Json.createReader(new StringReader(registration)).readObject()).add("client_id", clientId).build()
            .toString());

    assertEquals(200, updated.statusCode(), updated::body);
    JsonObject answer = Json.createReader(new StringReader(updated.body())).readObject();
    assertFalse(answer.containsKey("allowed_roles"), updated::body);
    assertFalse(answer.containsKey("first_party"), updated::body);
    assertEquals(List.of("it-staff"), admin("GET", "/clients/" + clientId, null).getJsonArray("allowed_roles")
        .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList(),
        "the operator's policy survives the client's own update");
  }

  private HttpResponse<String> register(String method, URI uri, String bearer, String body) {
    return endpoints().send(HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer " + bearer)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }
}
