package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.it.ResourceEndpoints.ClientAuth;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * The admin REST API over HTTP: only administrators get in (anonymous 401, a non-admin client or user 403), every
 * error is an RFC 9457 problem, bad input is a 4xx naming the field, a client secret is shown once and works, and the
 * changes reach the protocol (a deleted client's tokens, a disabled user's sign-in and tokens, an ended session, a
 * withdrawn consent, a revoked grant). Every test makes its own clients and users.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminApiIT {
  private static final String AUTOMATION = "it-admin-automation";
  private static final String AUTOMATION_SECRET = "it-admin-automation-secret-0123456789abcdefg";
  private static final String APP = "it-admin-app";
  private static final String APP_SECRET = "it-admin-app-secret-0123456789abcdefghijklm";
  private static final String APP_REDIRECT = "http://127.0.0.1:9/admin-callback";
  private static final String ROOT = "it-root";
  private static final String ROOT_PASSWORD = "it-root-password-55555";
  private static final String PROBLEM = "application/problem+json";

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

  /** An admin API answer: status, raw response and the JSON body (null when empty). */
  private record Answer(int status, HttpResponse<String> raw, JsonObject json) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    /** The field names of an RFC 9457 invalid-params list. */
    List<String> invalidParams() {
      return json.getJsonArray("invalid-params").stream()
          .map(v -> v.asJsonObject().getString("name")).toList();
    }
  }

  private Answer call(String method, String path, String token, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve("/admin/api" + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> response = endpoints().send(request);
    JsonObject json = null;
    if (!response.body().isEmpty()) {
      try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
        json = reader.readObject();
      } catch (RuntimeException notJson) {
        throw new AssertionError("not a JSON object: " + response.statusCode() + " " + response.body(), notJson);
      }
    }
    return new Answer(response.statusCode(), response, json);
  }

  private Answer get(String path, String token) {
    return call("GET", path, token, null, null);
  }

  private Answer send(String method, String path, String token, JsonObject body) {
    return call(method, path, token, "application/json", body == null ? null : body.toString());
  }

  private String adminToken() {
    return endpoints().serviceToken(ClientAuth.basic(AUTOMATION, AUTOMATION_SECRET), "gatehouse:admin");
  }

  /** A user's access token from it-admin-app, asking for the admin scope (the user signs in and consents). */
  private String userToken(String username, String password, String scope) {
    return Flows.accessToken(base(), APP, APP_SECRET, APP_REDIRECT, scope, username, password);
  }

  private static void assertProblem(Answer answer, int status) {
    assertEquals(status, answer.status(), () -> answer.raw().body());
    assertTrue(answer.header("Content-Type").startsWith(PROBLEM), answer.header("Content-Type"));
    assertEquals(status, answer.json().getInt("status"));
    assertEquals("about:blank", answer.json().getString("type"));
    assertNotNull(answer.json().getString("title"));
    assertNotNull(answer.json().getString("detail"));
    assertEquals("no-store", answer.header("Cache-Control"));
  }

  private boolean active(String token) {
    TokenClient.Answer answer = endpoints().introspect(token, null,
        ClientAuth.basic(ServiceFixtures.RS, ServiceFixtures.RS_SECRET));
    assertEquals(200, answer.status());
    return answer.json().getBoolean("active");
  }

  private static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A service client (client_credentials, scope read) registered through the API; returns the creation answer. */
  private Answer createService(String token, String clientId) {
    return send("POST", "/clients", token, json("""
        {"client_id": "%s", "client_name": "Service %s", "grant_types": ["client_credentials"], "scope": "read"}
        """.formatted(clientId, clientId)));
  }

  private Answer createUser(String token, String username, String password) {
    return send("POST", "/users", token, json("""
        {"username": "%s", "password": "%s", "name": "Test %s", "email": "%s@example.com", "roles": ["staff"]}
        """.formatted(username, password, username, username)));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Who may call it

  @Test
  void rfc6750_3_whenAnonymous_then401ProblemWithBearerChallenge() {
    Answer answer = get("/clients", null);
    assertProblem(answer, 401);
    assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer"), answer.header("WWW-Authenticate"));
  }

  @Test
  void rfc6750_3_1_whenTokenUnknownOrNotBearer_then401() {
    Answer unknown = get("/clients", "not-a-token-anyone-issued");
    assertProblem(unknown, 401);
    assertTrue(unknown.header("WWW-Authenticate").contains("invalid_token"));
    HttpResponse<String> withBasic = endpoints().send(HttpRequest.newBuilder(base().resolve("/admin/api/users"))
        .header("Authorization", TokenClient.basic(AUTOMATION, AUTOMATION_SECRET)).GET());
    assertEquals(401, withBasic.statusCode(), "a client's password is not an admin credential");
  }

  @Test
  void rfc6750_3_1_whenClientTokenWithoutTheAdminScope_then403InsufficientScope() {
    String token = endpoints().serviceToken(ClientAuth.basic(ServiceFixtures.SERVICE, ServiceFixtures.SERVICE_SECRET),
        "read");
    Answer answer = get("/clients", token);
    assertProblem(answer, 403);
    assertTrue(answer.header("WWW-Authenticate").contains("insufficient_scope"));
  }

  @Test
  void rfc6749_3_3_whenAClientNotRegisteredForTheAdminScopeAsksForIt_thenInvalidScope() {
    TokenClient.Answer answer = endpoints().token(ServiceFixtures.clientCredentials("gatehouse:admin"),
        ClientAuth.basic(ServiceFixtures.SERVICE, ServiceFixtures.SERVICE_SECRET));
    assertEquals(400, answer.status());
    assertEquals("invalid_scope", answer.error());
  }

  @Test
  void whenUserTokenWithTheAdminScopeButWithoutTheAdminRole_then403() {
    String token = userToken(Fixtures.BOB, Fixtures.BOB_PASSWORD, "gatehouse:admin");
    assertProblem(get("/users", token), 403);
  }

  @Test
  void whenUserTokenOfAnAdministrator_thenAllowed() {
    String token = userToken(ROOT, ROOT_PASSWORD, "openid gatehouse:admin");
    Answer answer = get("/users?q=it-root", token);
    assertEquals(200, answer.status(), () -> answer.raw().body());
    assertEquals(ROOT, answer.json().getJsonArray("items").getJsonObject(0).getString("username"));
    assertEquals("no-store", answer.header("Cache-Control"));
  }

  @Test
  void whenAdminClientToken_thenListsArePagedAndBounded() {
    String token = adminToken();
    Answer page = get("/clients?limit=2&offset=1", token);
    assertEquals(200, page.status());
    assertEquals(2, page.json().getJsonArray("items").size());
    assertEquals(1, page.json().getInt("offset"));
    assertTrue(page.json().getInt("total") > 10);
    for (JsonValue client : page.json().getJsonArray("items")) {
      assertFalse(client.asJsonObject().containsKey("client_secret"), "a list never shows a secret");
    }
    Answer tooMany = get("/clients?limit=101", token);
    assertProblem(tooMany, 400);
    assertEquals(List.of("limit"), tooMany.invalidParams());
    Answer notNumbers = get("/users?offset=x&limit=1e3", token);
    assertProblem(notNumbers, 400);
    assertEquals(List.of("offset", "limit"), notNumbers.invalidParams());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Clients

  @Test
  void rfc7591_3_2_1_clientLifecycle_secretShownOnceWorksRotatesAndDeletionRevokes() {
    String admin = adminToken();
    String id = unique("svc");
    Answer created = createService(admin, id);
    assertEquals(201, created.status(), () -> created.raw().body());
    assertEquals("no-store", created.header("Cache-Control"));
    assertTrue(created.header("Location").endsWith("/admin/api/clients/" + id));
    String secret = created.json().getString("client_secret");
    assertEquals(0, created.json().getInt("client_secret_expires_at"));
    assertEquals("client_secret_basic", created.json().getString("token_endpoint_auth_method"));

    Answer read = get("/clients/" + id, admin);
    assertEquals(200, read.status());
    assertFalse(read.raw().body().contains(secret), "GET never shows the secret");
    assertFalse(read.json().containsKey("client_secret"));

    String token = endpoints().serviceToken(ClientAuth.basic(id, secret), "read");
    assertTrue(active(token));

    Answer rotated = send("POST", "/clients/" + id + "/secret", admin, null);
    assertEquals(200, rotated.status(), () -> rotated.raw().body());
    assertEquals("no-store", rotated.header("Cache-Control"));
    String fresh = rotated.json().getString("client_secret");
    assertNotEquals(secret, fresh);
    assertEquals(401, endpoints().token(ServiceFixtures.clientCredentials("read"), ClientAuth.basic(id, secret))
        .status(), "the old secret stops working at once");
    String second = endpoints().serviceToken(ClientAuth.basic(id, fresh), "read");

    Answer grants = get("/clients/" + id + "/grants", admin);
    assertEquals(2, grants.json().getInt("total"), () -> grants.raw().body());
    assertEquals("client_credentials", grants.json().getJsonArray("items").getJsonObject(0).getString("kind"));
    assertFalse(grants.raw().body().contains(token) || grants.raw().body().contains(Database.sha256(token)),
        "grants are listed by id, never by token value or hash");

    assertEquals(204, send("DELETE", "/clients/" + id, admin, null).status());
    assertFalse(active(token), "a deleted client's tokens are revoked");
    assertFalse(active(second));
    assertProblem(get("/clients/" + id, admin), 404);
    assertEquals(401, endpoints().token(ServiceFixtures.clientCredentials("read"), ClientAuth.basic(id, fresh))
        .status(), "a deleted client cannot authenticate");
  }

  @Test
  void rfc7591_3_2_2_whenRedirectUrisAreBad_then400NamingTheFieldForEach() {
    Answer answer = send("POST", "/clients", adminToken(), json("""
        {"client_id": "%s", "redirect_uris": ["https://app.example/cb#fragment", "http://app.example/cb", "/cb"]}
        """.formatted(unique("bad"))));
    assertProblem(answer, 400);
    assertEquals(List.of("redirect_uris", "redirect_uris", "redirect_uris"), answer.invalidParams());
  }

  @Test
  void rfc9700_4_whenRedirectUrisAreScriptOrDataUrisOrCarryUserInfo_then400AndNothingStored() {
    String admin = adminToken();
    String id = unique("script");
    Answer answer = send("POST", "/clients", admin, json("""
        {"client_id": "%s", "redirect_uris": ["javascript://%%0Aalert(document.domain)", "data:/text/html,x",
         "https://user:pw@app.example/cb"],
         "post_logout_redirect_uris": ["javascript:/alert(1)"]}""".formatted(id)));
    assertProblem(answer, 400);
    assertEquals(List.of("redirect_uris", "redirect_uris", "redirect_uris", "post_logout_redirect_uris"),
        answer.invalidParams());
    assertProblem(get("/clients/" + id, admin), 404);
  }

  @Test
  void whenClientNameOrUsernameCarriesMarkup_then400NamingTheField() {
    String admin = adminToken();
    Answer client = send("POST", "/clients", admin, json("""
        {"client_id": "%s", "client_name": "Evil<b>Corp</b><form action=/admin/users/new method=post>",
         "grant_types": ["client_credentials"], "scope": "read"}""".formatted(unique("markup"))));
    assertProblem(client, 400);
    assertEquals(List.of("client_name"), client.invalidParams());
    Answer user = createUser(admin, "<b>x</b>", "a-long-enough-password");
    assertProblem(user, 400);
    assertEquals(List.of("username"), user.invalidParams());
  }

  @Test
  void rfc7591_3_2_2_whenSeveralFieldsAreBad_thenEachIsNamed() {
    Answer answer = send("POST", "/clients", adminToken(), json("""
        {"client_id": "has space", "client_name": 5, "token_endpoint_auth_method": "private_key_jwt",
         "redirect_uris": "https://app.example/cb", "grant_types": ["implicit"], "scope": "a  b",
         "client_secret": "chosen-by-the-caller-0123456789abcdef", "rotate_refresh_tokens": "yes"}"""));
    assertProblem(answer, 400);
    assertEquals(Set.of("client_id", "client_name", "token_endpoint_auth_method", "redirect_uris", "grant_types",
        "scope", "client_secret", "rotate_refresh_tokens"), Set.copyOf(answer.invalidParams()));
    assertFalse(answer.raw().body().contains("chosen-by-the-caller"), "a secret is never echoed");
  }

  @Test
  void whenClientIdExists_then409NamingIt() {
    Answer answer = createService(adminToken(), Fixtures.BASIC);
    assertProblem(answer, 409);
    assertEquals(List.of("client_id"), answer.invalidParams());
  }

  @Test
  void whenClientUpdated_thenReplacedWithoutShowingTheSecretAgain() {
    String admin = adminToken();
    String id = unique("upd");
    String secret = createService(admin, id).json().getString("client_secret");
    Answer updated = send("PUT", "/clients/" + id, admin, json("""
        {"client_name": "Renamed", "grant_types": ["client_credentials"], "scope": "read write"}"""));
    assertEquals(200, updated.status(), () -> updated.raw().body());
    assertEquals("Renamed", updated.json().getString("client_name"));
    assertEquals("read write", updated.json().getString("scope"));
    assertFalse(updated.json().containsKey("client_secret"));
    endpoints().serviceToken(ClientAuth.basic(id, secret), "write");
    assertProblem(send("PUT", "/clients/" + id, admin, json("{\"client_id\": \"other\"}")), 400);
    assertProblem(send("PUT", "/clients/" + unique("none"), admin, json("{\"grant_types\": []}")), 404);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Bad input is a 4xx problem, never a 500

  @Test
  void rfc8259_whenBodyIsMalformedJson_then400() {
    String admin = adminToken();
    assertProblem(call("POST", "/clients", admin, "application/json", "{\"client_id\": "), 400);
    assertProblem(call("POST", "/clients", admin, "application/json", "[1, 2]"), 400);
    assertProblem(call("POST", "/clients", admin, "application/json", ""), 400);
    assertProblem(call("POST", "/clients", admin, "application/json",
        "{\"client_id\": \"a\", \"client_id\": \"b\"}"), 400);
    assertProblem(call("POST", "/clients", admin, "application/json", "[".repeat(5000)), 400);
  }

  @Test
  void whenBodyIsNotJson_then415() {
    assertProblem(call("POST", "/clients", adminToken(), "application/x-www-form-urlencoded", "client_id=x"), 415);
    assertProblem(call("POST", "/users", adminToken(), null, "{}"), 415);
  }

  @Test
  void whenContentTypeHeaderDoesNotParse_then400Problem() {
    RawHttp.Response answer = RawHttp.send(base(), "POST", "/admin/api/clients",
        List.of("Content-Type: a/b;;;=", "Authorization: Bearer " + adminToken()),
        "{}".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, answer.status());
    assertTrue(answer.header("content-type").get(0).startsWith(PROBLEM));
  }

  @Test
  void whenBodyIsOversized_then413() {
    String big = "{\"client_name\": \"" + "x".repeat(70_000) + "\"}";
    assertProblem(call("POST", "/clients", adminToken(), "application/json", big), 413);
  }

  @Test
  void whenValuesAreHugeOrOfTheWrongType_then400NamingEach() {
    String admin = adminToken();
    Answer huge = send("POST", "/clients", admin, json("""
        {"client_id": "%s", "client_name": "%s", "scope": "%s", "grant_types": ["client_credentials"]}
        """.formatted("c".repeat(200), "n".repeat(300), "s".repeat(3000))));
    assertProblem(huge, 400);
    assertEquals(Set.of("client_id", "client_name", "scope"), Set.copyOf(huge.invalidParams()));
    Answer numbers = call("POST", "/users", admin, "application/json",
        "{\"username\": 1e999999999, \"password\": [\"x\"], \"email_verified\": 7, \"address\": \"street\"}");
    assertProblem(numbers, 400);
    assertEquals(Set.of("username", "password", "email_verified", "address"), Set.copyOf(numbers.invalidParams()));
  }

  @Test
  void whenPathOrMethodUnknown_thenProblem404And405() {
    String admin = adminToken();
    assertProblem(get("/nothing-here", admin), 404);
    Answer method = call("PATCH", "/clients/" + Fixtures.BASIC, admin, "application/json", "{}");
    assertProblem(method, 405);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Users

  @Test
  void users_createUpdateSetPasswordDisableEnable_andSignInFollows() {
    String admin = adminToken();
    String username = unique("user");
    Answer created = createUser(admin, username, "first-password-1");
    assertEquals(201, created.status(), () -> created.raw().body());
    String sub = created.json().getString("sub");
    assertTrue(created.json().getBoolean("editable"));
    assertFalse(created.raw().body().contains("first-password-1"), "a password is never returned");
    assertProblem(createUser(admin, username, "another-password"), 409);

    Answer updated = send("PUT", "/users/" + sub, admin, json("""
        {"name": "Renamed", "email": "renamed@example.com", "email_verified": true, "roles": ["staff", "ops"]}"""));
    assertEquals(200, updated.status(), () -> updated.raw().body());
    assertEquals("Renamed", updated.json().getString("name"));
    assertEquals(List.of("ops", "staff"), updated.json().getJsonArray("roles").getValuesAs(
        v -> ((jakarta.json.JsonString) v).getString()));
    assertProblem(send("PUT", "/users/" + sub, admin, json("{\"username\": \"rename\"}")), 400);

    assertEquals(204, send("PUT", "/users/" + sub + "/password", admin,
        json("{\"password\": \"second-password-2\"}")).status());
    Answer shortPassword = send("PUT", "/users/" + sub + "/password", admin, json("{\"password\": \"short\"}"));
    assertProblem(shortPassword, 400);
    assertEquals(List.of("password"), shortPassword.invalidParams());

    String token = Flows.basicClientTokensFor(base(), username, "second-password-2");
    assertTrue(active(token), "the new password signs in");

    Answer disabled = send("POST", "/users/" + sub + "/disable", admin, null);
    assertEquals(200, disabled.status(), () -> disabled.raw().body());
    assertTrue(disabled.json().getBoolean("disabled"));
    assertFalse(active(token), "a disabled user's tokens are revoked");
    assertEquals(0, get("/users/" + sub + "/sessions", admin).json().getInt("total"), "and its sessions ended");
    UserAgent agent = new UserAgent(base());
    HttpResponse<String> login = agent.authorize(Fixtures.authorizeParams(Fixtures.BASIC, Fixtures.BASIC_REDIRECT,
        "read", Pkce.create(), "s"));
    HttpResponse<String> refused = agent.signIn(login, username, "second-password-2");
    assertNotEquals(302, refused.statusCode(), "a disabled user cannot sign in");

    assertFalse(send("POST", "/users/" + sub + "/enable", admin, null).json().getBoolean("disabled"));
    assertTrue(active(Flows.basicClientTokensFor(base(), username, "second-password-2")), "enabled again");
  }

  @Test
  void users_whenSearched_thenFoundByPartOfNameOrEmail_andBadFieldsNamed() {
    String admin = adminToken();
    String username = unique("searchme");
    assertEquals(201, createUser(admin, username, "search-password").status());
    Answer found = get("/users?q=" + username.toUpperCase() + "&limit=5", admin);
    assertEquals(1, found.json().getInt("total"), () -> found.raw().body());
    assertProblem(get("/users/" + UUID.randomUUID(), admin), 404);
    Answer bad = send("POST", "/users", admin, json("""
        {"username": "has space", "password": "short", "roles": ["a b"], "email": "%s"}""".formatted("e".repeat(300))));
    assertProblem(bad, 400);
    assertEquals(Set.of("username", "password", "roles", "email"), Set.copyOf(bad.invalidParams()));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Sessions, consents, grants

  @Test
  void sessions_whenListedAndEnded_thenTheBrowserMustSignInAgainAndTheSessionGrantsAreRevoked() {
    String admin = adminToken();
    String username = unique("sess");
    String sub = createUser(admin, username, "session-password").json().getString("sub");
    UserAgent agent = new UserAgent(base());
    Pkce pkce = Pkce.create();
    String code = Flows.code(agent, Fixtures.BASIC, Fixtures.BASIC_REDIRECT, "read", pkce, username,
        "session-password");
    String token = new TokenClient(base()).post(Fixtures.codeRedemption(code, Fixtures.BASIC_REDIRECT, pkce),
        Fixtures.BASIC, Fixtures.BASIC_SECRET).string("access_token");

    Answer sessions = get("/users/" + sub + "/sessions", admin);
    assertEquals(1, sessions.json().getInt("total"), () -> sessions.raw().body());
    JsonObject session = sessions.json().getJsonArray("items").getJsonObject(0);
    assertEquals(List.of(Fixtures.BASIC), session.getJsonArray("clients").getValuesAs(
        v -> ((jakarta.json.JsonString) v).getString()));
    String sid = session.getString("sid");
    Answer ofClient = get("/clients/" + Fixtures.BASIC + "/sessions?limit=100", admin);
    assertTrue(ofClient.raw().body().contains(sid), "listed under its client too");

    assertEquals(204, send("DELETE", "/sessions/" + sid, admin, null).status());
    assertEquals(0, get("/users/" + sub + "/sessions", admin).json().getInt("total"));
    assertFalse(active(token), "the session's grant is revoked");
    assertTrue(UserAgent.isRedirectTo(agent.authorize(Fixtures.authorizeParams(Fixtures.BASIC,
        Fixtures.BASIC_REDIRECT, "read", Pkce.create(), "s")), "/login"), "signed out");
    assertProblem(send("DELETE", "/sessions/" + sid, admin, null), 404);
  }

  @Test
  void sessions_whenAllOfAUserEnded_thenCounted() {
    String admin = adminToken();
    String username = unique("sessall");
    String sub = createUser(admin, username, "session-password").json().getString("sub");
    Flows.basicClientTokensFor(base(), username, "session-password");
    Flows.basicClientTokensFor(base(), username, "session-password");
    Answer ended = send("DELETE", "/users/" + sub + "/sessions", admin, null);
    assertEquals(2, ended.json().getInt("sessions_ended"), () -> ended.raw().body());
  }

  @Test
  void consents_whenListedAndWithdrawn_thenGoneAndTheGrantsForThatClientAreRevoked() {
    String admin = adminToken();
    String username = unique("consent");
    String sub = createUser(admin, username, "consent-password").json().getString("sub");
    String token = Flows.basicClientTokensFor(base(), username, "consent-password");

    Answer consents = get("/users/" + sub + "/consents", admin);
    assertEquals(1, consents.json().getInt("total"), () -> consents.raw().body());
    assertEquals(Fixtures.BASIC, consents.json().getJsonArray("items").getJsonObject(0).getString("client_id"));
    Answer ofClient = get("/clients/" + Fixtures.BASIC + "/consents?limit=100", admin);
    assertTrue(ofClient.raw().body().contains(sub));

    assertEquals(204, send("DELETE", "/users/" + sub + "/consents/" + Fixtures.BASIC, admin, null).status());
    assertEquals(0, get("/users/" + sub + "/consents", admin).json().getInt("total"));
    assertFalse(active(token), "the grants the user made for the client are revoked");
    assertProblem(send("DELETE", "/users/" + sub + "/consents/" + Fixtures.BASIC, admin, null), 404);
  }

  @Test
  void grants_whenListedPerUserAndRevokedOneByOneOrAll_thenTheirTokensAreInactive() {
    String admin = adminToken();
    String username = unique("grant");
    String sub = createUser(admin, username, "grant-password").json().getString("sub");
    String first = Flows.basicClientTokensFor(base(), username, "grant-password");
    String second = Flows.basicClientTokensFor(base(), username, "grant-password");

    Answer grants = get("/users/" + sub + "/grants", admin);
    assertEquals(2, grants.json().getInt("total"), () -> grants.raw().body());
    JsonObject newest = grants.json().getJsonArray("items").getJsonObject(0);
    assertEquals("authorization_code", newest.getString("kind"));
    assertEquals(Fixtures.BASIC, newest.getString("client_id"));
    Set<String> keys = grants.json().getJsonArray("items").stream()
        .flatMap(g -> g.asJsonObject().keySet().stream()).collect(Collectors.toSet());
    assertFalse(keys.contains("access_token") || keys.contains("refresh_token") || keys.contains("hash"),
        keys::toString);

    assertEquals(204, send("DELETE", "/grants/" + newest.getString("grant_id"), admin, null).status());
    assertFalse(active(second), "the newest grant's token is revoked");
    assertTrue(active(first), "the other grant is untouched");
    assertProblem(send("DELETE", "/grants/" + newest.getString("grant_id"), admin, null), 404);

    Answer all = send("DELETE", "/users/" + sub + "/grants", admin, null);
    assertTrue(all.json().getInt("tokens_revoked") >= 1, () -> all.raw().body());
    assertFalse(active(first));
  }

  @Test
  void grants_whenAllOfAClientRevoked_thenItsServiceTokensAreInactive() {
    String admin = adminToken();
    String id = unique("svcall");
    String secret = createService(admin, id).json().getString("client_secret");
    String token = endpoints().serviceToken(ClientAuth.basic(id, secret), "read");
    Answer revoked = send("DELETE", "/clients/" + id + "/grants", admin, null);
    assertEquals(1, revoked.json().getInt("tokens_revoked"), () -> revoked.raw().body());
    assertFalse(active(token));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The OpenAPI document

  @Test
  void openApi_whenFetchedWithoutAToken_thenServedAsOpenApi31() {
    Answer doc = get("/openapi.json", null);
    assertEquals(200, doc.status());
    assertTrue(doc.json().getString("openapi").startsWith("3.1"));
    assertTrue(doc.json().getJsonObject("paths").containsKey("/clients/{client_id}/secret"));
  }
}
