package dev.gatehouse.it;

import static dev.gatehouse.it.Fixtures.ALICE;
import static dev.gatehouse.it.Fixtures.ALICE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dynamic client registration (RFC 7591) and its management (RFC 7592), on and off (MariaDB execution only: it reads
 * the clients table, and starts a second node on the same database). The Arquillian node has it ON behind an initial
 * access token (the pom's failsafe environment); the node this class starts itself has the default, OFF. Every test
 * registers the clients it needs.
 */
@ExtendWith({MariaDbOnly.class, ArquillianExtension.class})
@RunAsClient
class DynamicRegistrationIT {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  private static final String INITIAL = System.getProperty("gatehouse.it.initialToken");
  private static final String CLIENTS = Database.PREFIX + "clients";
  private static final String JSON = "application/json";
  private static PayaraNode off;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @BeforeAll
  static void startNodeWithTheDefault() throws Exception {
    // The same environment as the Arquillian node, but GATEHOUSE_DYNAMIC_REGISTRATION unset (an empty value is an
    // absent one in MicroProfile Config): the default.
    off = PayaraNode.start("gatehouse-dcr-off", Integer.parseInt(System.getProperty("gatehouse.it.peerPort")),
        Deployments.file(Deployments.war()), Map.of("GATEHOUSE_DYNAMIC_REGISTRATION", "",
            "GATEHOUSE_CLUSTER_PEERS", "http://127.0.0.1:" + System.getProperty("gatehouse.it.port")));
  }

  @AfterAll
  static void stopNodeWithTheDefault() throws InterruptedException {
    if (off != null) {
      off.close();
    }
  }

  private URI base() {
    return URI.create(url.toString());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // HTTP

  /** A raw exchange: method, URL, bearer token (or null), content type (or null), body (or null). */
  private static HttpResponse<String> call(String method, String uri, String bearer, String type, byte[] body) {
    return exchange(method, uri, bearer == null ? null : "Bearer " + bearer, type, body);
  }

  /** The same with any Authorization header value (or null). */
  private static HttpResponse<String> exchange(String method, String uri, String authorization, String type,
      byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).method(
        method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (type != null) {
      request.header("Content-Type", type);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String endpoint() {
    return base() + "oauth2/register";
  }

  private HttpResponse<String> post(String bearer, String body) {
    return call("POST", endpoint(), bearer, JSON, body.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** A 4xx JSON error with this code, never cached (RFC 7591 §3.2.2, RFC 6749 §5.1). */
  private static void assertError(int status, String error, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response::body);
    assertEquals(error, json(response).getString("error"), response::body);
    assertTrue(json(response).containsKey("error_description"), response::body);
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
  }

  /** Registers {@code metadata} with the initial access token and returns the 201 answer. */
  private JsonObject register(JsonObjectBuilder metadata) {
    HttpResponse<String> response = post(INITIAL, metadata.build().toString());
    assertEquals(201, response.statusCode(), response::body);
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""), "RFC 7591 §3.2.1");
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(JSON));
    return json(response);
  }

  private static JsonArrayBuilder array(String... values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }

  private static String redirect(String name) {
    return "http://127.0.0.1:9/dcr-" + name;
  }

  private static JsonObjectBuilder confidential(String name) {
    return Json.createObjectBuilder()
        .add("client_name", "DCR " + name)
        .add("redirect_uris", array(redirect(name)))
        .add("grant_types", array("authorization_code", "refresh_token"))
        .add("scope", "openid profile");
  }

  private static JsonObjectBuilder publicClient(String name) {
    return confidential(name).add("token_endpoint_auth_method", "none");
  }

  private static Map<String, Object> row(String clientId) {
    List<Map<String, Object>> rows = Database.rows("SELECT * FROM " + CLIENTS + " WHERE client_id = ?", clientId);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static long dynamicClients() {
    return ((Number) Database.rows("SELECT COUNT(*) AS n FROM " + CLIENTS + " WHERE dynamically_registered = TRUE")
        .get(0).get("n")).longValue();
  }

  private static boolean flag(Object column) {
    return column instanceof Boolean b ? b : ((Number) column).intValue() != 0;
  }

  /** A code for {@code clientId} from alice (sign-in and consent), redeemed at the token endpoint. */
  private TokenClient.Answer tokens(String clientId, String secret, String redirect, String scope) {
    Pkce pkce = Pkce.create();
    String code = Flows.code(new UserAgent(base()), clientId, redirect, scope, pkce, ALICE, ALICE_PASSWORD);
    Map<String, String> form = Fixtures.codeRedemption(code, redirect, pkce);
    TokenClient.Answer answer = secret == null
        ? new TokenClient(base()).post(Fixtures.withClientInBody(form, clientId, null), null, null)
        : new TokenClient(base()).post(form, clientId, secret);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    return answer;
  }

  private static Set<String> strings(JsonObject json, String name) {
    return json.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString)
        .collect(Collectors.toSet());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // RFC 7591: registration

  @Test
  void rfc7591_3_2_1_whenConfidentialClientRegisters_thenCreatedWithSecretAndItsTokensWork() {
    long before = System.currentTimeMillis() / 1000;
    JsonObject info = register(confidential("conf")
        .add("logo_uri", "https://rp.example/logo.png")
        .add("software_id", "4NRB1-0XZABZI9E6-5SM3R")
        .add("x-unknown", Json.createObjectBuilder().add("nested", true)));
    String clientId = info.getString("client_id");
    String secret = info.getString("client_secret");
    assertTrue(secret.length() >= 43, "a generated 256-bit secret");
    assertEquals(0, info.getInt("client_secret_expires_at"));
    assertTrue(info.getJsonNumber("client_id_issued_at").longValue() >= before - 1);
    assertEquals(Fixtures.issuer() + "/oauth2/register/" + clientId, info.getString("registration_client_uri"));
    assertFalse(info.getString("registration_access_token").isBlank());
    assertEquals("DCR conf", info.getString("client_name"));
    assertEquals("client_secret_basic", info.getString("token_endpoint_auth_method"), "the RFC 7591 §2 default");
    assertEquals(Set.of("authorization_code", "refresh_token"), strings(info, "grant_types"));
    assertEquals(Set.of("code"), strings(info, "response_types"));
    assertEquals(Set.of("openid", "profile"), Set.of(info.getString("scope").split(" ")));
    assertFalse(info.getBoolean("resource_server"));
    assertTrue(info.getBoolean("rotate_refresh_tokens"));
    assertFalse(info.containsKey("logo_uri"), "metadata Gatehouse does not keep is not echoed as registered");
    assertFalse(info.containsKey("x-unknown"), "RFC 7591 §2: unknown metadata is ignored");

    Map<String, Object> row = row(clientId);
    assertTrue(flag(row.get("dynamically_registered")));
    assertFalse(flag(row.get("resource_server")));
    assertEquals(Database.sha256(info.getString("registration_access_token")), row.get("registration_token_hash"),
        "only the SHA-256 of the registration access token is stored");
    assertFalse(row.values().stream().anyMatch(v -> v != null && v.toString().contains(secret)), "no plain secret");

    TokenClient.Answer tokens = tokens(clientId, secret, redirect("conf"), "openid profile");
    assertNotNull(tokens.string("id_token"));
    assertNotNull(tokens.string("refresh_token"));
  }

  @Test
  void rfc7591_3_2_1_whenPublicClientRegisters_thenNoSecretAndItRedeemsACodeWithPkce() {
    JsonObject info = register(publicClient("pub").add("response_types", array("code")));
    assertFalse(info.containsKey("client_secret"));
    assertFalse(info.containsKey("client_secret_expires_at"), "no secret issued");
    assertEquals("none", info.getString("token_endpoint_auth_method"));
    assertNull(row(info.getString("client_id")).get("secret_hash"));
    TokenClient.Answer tokens = tokens(info.getString("client_id"), null, redirect("pub"), "openid");
    assertEquals("openid", tokens.string("scope"));
  }

  @Test
  void rfc7591_2_whenScopeOmitted_thenTheScopesAllowedForSelfRegisteredClients() {
    JsonObject info = register(Json.createObjectBuilder().add("redirect_uris", array(redirect("noscope"))));
    assertEquals(Set.of("openid", "profile", "email", "offline_access"),
        Set.of(info.getString("scope").split(" ")));
    assertEquals(Set.of("authorization_code"), strings(info, "grant_types"), "the RFC 7591 §2 default");
    assertEquals(info.getString("client_id"), info.getString("client_name"), "no name: the identifier");
  }

  @Test
  void rfc7591_3_whenInitialAccessTokenMissing_then401WithABareBearerChallenge() {
    long before = dynamicClients();
    HttpResponse<String> response = post(null, confidential("noauth").build().toString());
    assertEquals(401, response.statusCode());
    assertEquals("Bearer realm=\"gatehouse\"", response.headers().firstValue("WWW-Authenticate").orElse(""),
        "RFC 6750 §3.1: no error code without credentials");
    assertEquals(before, dynamicClients());
  }

  @Test
  void rfc7591_3_whenInitialAccessTokenWrong_then401InvalidToken() {
    long before = dynamicClients();
    String registrationToken = register(publicClient("iat")).getString("registration_access_token");
    for (String wrong : List.of(INITIAL + "x", INITIAL.substring(1), Database.sha256(INITIAL), registrationToken)) {
      HttpResponse<String> response = post(wrong, confidential("wrongauth").build().toString());
      assertError(401, "invalid_token", response);
      assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
    }
    assertEquals(before + 1, dynamicClients(), "only the one registration with the right token");
    HttpResponse<String> notBearer = exchange("POST", endpoint(), "Basic " + INITIAL, JSON,
        "{}".getBytes(StandardCharsets.UTF_8));
    assertError(400, "invalid_request", notBearer);
  }

  @Test
  void rfc7591_3_2_2_whenRedirectUriInvalid_thenInvalidRedirectUriAndNothingStored() {
    long before = dynamicClients();
    for (JsonObjectBuilder bad : List.of(
        confidential("x").add("redirect_uris", array("https://rp.example/cb#fragment")),
        confidential("x").add("redirect_uris", array("http://rp.example/cb")),
        confidential("x").add("redirect_uris", array("/relative/cb")),
        confidential("x").add("redirect_uris", array("http://127.0.0.1:9/cb\r\nSet-Cookie: a=b")),
        confidential("x").add("redirect_uris", array("javascript://%0Aalert(document.domain)")),
        confidential("x").add("redirect_uris", array("data:/text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg")),
        confidential("x").add("redirect_uris", array("https://user:pw@rp.example/cb")),
        confidential("x").add("redirect_uris", array("myapp:/cb")),
        confidential("x").add("redirect_uris", array("https://rp.example/" + "a".repeat(2100))),
        confidential("x").add("redirect_uris", Json.createArrayBuilder()),
        confidential("x").add("redirect_uris", array(java.util.stream.IntStream.range(0, 21)
            .mapToObj(i -> "https://rp.example/" + i).toArray(String[]::new))))) {
      assertError(400, "invalid_redirect_uri", post(INITIAL, bad.build().toString()));
    }
    assertEquals(before, dynamicClients());
  }

  @Test
  void rfc7591_3_2_2_whenMetadataInvalidOrBeyondPolicy_thenInvalidClientMetadataAndNothingStored() {
    long before = dynamicClients();
    for (JsonObjectBuilder bad : List.of(
        confidential("x").add("scope", "openid gatehouse:admin"),
        confidential("x").add("scope", "openid payroll"),
        confidential("x").add("grant_types", array("client_credentials")),
        confidential("x").add("grant_types", array("authorization_code", "password")),
        confidential("x").add("token_endpoint_auth_method", "private_key_jwt"),
        confidential("x").add("response_types", array("token")),
        confidential("x").add("response_types", "code"),
        confidential("x").add("resource_server", true),
        confidential("x").add("client_secret", "a-secret-the-client-chose-0123456789abcdef"),
        confidential("x").add("client_name", "n".repeat(201)),
        confidential("x").add("client_name", 42),
        confidential("x").add("client_name", "bell\u0007"),
        confidential("x").add("client_name", "Evil<b>Corp</b><form action=/admin/users/new method=post>"),
        confidential("x").add("client_name", "Pay\u202Elap"),
        confidential("x").add("id_token_signed_response_alg", "none"),
        confidential("x").add("backchannel_logout_uri", "https://elsewhere.example/logout"),
        confidential("x").add("post_logout_redirect_uris", array("http://rp.example/out")))) {
      assertError(400, "invalid_client_metadata", post(INITIAL, bad.build().toString()));
    }
    assertEquals(before, dynamicClients());
  }

  @Test
  void ssrf_whenSelfRegisteredClientsBackchannelUriIsAnInternalAddress_thenRefusedAtRegistration() {
    long before = dynamicClients();
    for (String origin : List.of("http://127.0.0.1:" + System.getProperty("gatehouse.it.receiverPort"),
        "http://localhost:8080", "http://[::1]:80", "https://10.1.2.3", "https://169.254.169.254",
        "https://192.168.0.1:8443", "https://localhost.")) {
      JsonObjectBuilder metadata = publicClient("ssrf").add("redirect_uris", array(origin + "/cb"))
          .add("backchannel_logout_uri", origin + "/backchannel");
      HttpResponse<String> response = post(INITIAL, metadata.build().toString());
      assertEquals(400, response.statusCode(), () -> origin + ": " + response.body());
      assertTrue(Set.of("invalid_client_metadata", "invalid_redirect_uri").contains(json(response).getString("error")));
    }
    assertEquals(before, dynamicClients());
    JsonObject outside = register(publicClient("bcl").add("redirect_uris", array("https://rp.example/cb"))
        .add("backchannel_logout_uri", "https://rp.example/backchannel?tenant=1"));
    assertEquals("https://rp.example/backchannel?tenant=1", outside.getString("backchannel_logout_uri"));
  }

  @Test
  void hostile_whenBodyIsNotOneJsonObjectOfBoundedSize_thenInvalidRequestNever500() {
    long before = dynamicClients();
    byte[] nested = ("{\"redirect_uris\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}")
        .getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> bodies = Map.of(
        "truncated", "{\"redirect_uris\": [".getBytes(StandardCharsets.UTF_8),
        "array", "[]".getBytes(StandardCharsets.UTF_8),
        "null", "null".getBytes(StandardCharsets.UTF_8),
        "empty", new byte[0],
        "invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
        "65 KiB", ("{\"client_name\":\"" + "a".repeat(65 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8),
        "nested 20000 deep", nested);
    bodies.forEach((what, body) -> {
      HttpResponse<String> response = call("POST", endpoint(), INITIAL, JSON, body);
      assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, () -> what + ": " + response.body());
      assertTrue(json(response).containsKey("error"), what);
    });
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/*", "garbage;;=")) {
      HttpResponse<String> response = call("POST", endpoint(), INITIAL, type,
          confidential("type").build().toString().getBytes(StandardCharsets.UTF_8));
      assertError(400, "invalid_request", response);
    }
    assertError(400, "invalid_request", call("POST", endpoint(), INITIAL, null,
        confidential("type").build().toString().getBytes(StandardCharsets.UTF_8)));
    // The shortest object is read, and judged: authorization_code, the default grant, needs a redirect URI.
    assertError(400, "invalid_redirect_uri", post(INITIAL, "{}"));
    assertEquals(before, dynamicClients());
  }

  @Test
  void hostile_whenAMemberIsRepeated_thenTheAdminScopeIsNeverRegistered() {
    String body = "{\"redirect_uris\":[\"" + redirect("dup") + "\"],"
        + "\"scope\":\"openid\",\"scope\":\"gatehouse:admin\"}";
    HttpResponse<String> response = post(INITIAL, body);
    if (response.statusCode() == 201) {
      assertEquals("openid", json(response).getString("scope"), "the first member won");
    } else {
      assertError(400, "invalid_client_metadata", response);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // RFC 7592: management

  @Test
  void rfc7592_2_1_whenClientReadsItsRegistration_thenItsMetadataWithoutSecretAndANewRegistrationToken() {
    JsonObject info = register(confidential("read"));
    String uri = info.getString("registration_client_uri");
    String first = info.getString("registration_access_token");
    HttpResponse<String> read = call("GET", uri, first, null, null);
    assertEquals(200, read.statusCode(), read::body);
    assertEquals("no-store", read.headers().firstValue("Cache-Control").orElse(""));
    JsonObject current = json(read);
    assertEquals(info.getString("client_id"), current.getString("client_id"));
    assertEquals(info.getJsonNumber("client_id_issued_at"), current.getJsonNumber("client_id_issued_at"));
    assertEquals(info.getString("scope"), current.getString("scope"));
    assertEquals(uri, current.getString("registration_client_uri"));
    assertFalse(current.containsKey("client_secret"), "stored as a hash only: never shown again");
    String second = current.getString("registration_access_token");
    assertNotEquals(first, second, "RFC 7592 §3: every answer carries a registration access token, a new one");
    assertError(401, "invalid_token", call("GET", uri, first, null, null));
    assertEquals(200, call("GET", uri, second, null, null).statusCode(), "the new token works once");
  }

  @Test
  void rfc7592_2_2_whenClientUpdatesItsRegistration_thenEveryFieldIsReplacedAndTheSecretKept() {
    JsonObject info = register(confidential("upd"));
    String clientId = info.getString("client_id");
    String uri = info.getString("registration_client_uri");
    String secretHash = (String) row(clientId).get("secret_hash");
    JsonObjectBuilder replacement = Json.createObjectBuilder().add("client_id", clientId)
        .add("client_secret", info.getString("client_secret"))
        .add("registration_access_token", "ignored").add("client_id_issued_at", 1)
        .add("redirect_uris", array(redirect("upd2"), redirect("upd3")))
        .add("scope", "openid email");
    HttpResponse<String> put = call("PUT", uri, info.getString("registration_access_token"), JSON,
        replacement.build().toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(200, put.statusCode(), put::body);
    JsonObject updated = json(put);
    assertEquals(Set.of(redirect("upd2"), redirect("upd3")), strings(updated, "redirect_uris"));
    assertEquals(Set.of("openid", "email"), Set.of(updated.getString("scope").split(" ")));
    assertEquals(clientId, updated.getString("client_name"), "client_name omitted: back to its default");
    assertEquals(Set.of("authorization_code"), strings(updated, "grant_types"), "omitted: the default");
    assertFalse(updated.containsKey("client_secret"), "the secret stays, and is not shown");
    assertEquals(secretHash, row(clientId).get("secret_hash"));
    assertEquals(info.getJsonNumber("client_id_issued_at"), updated.getJsonNumber("client_id_issued_at"));
    String token = updated.getString("registration_access_token");
    tokens(clientId, info.getString("client_secret"), redirect("upd3"), "email");

    // A public client that becomes confidential gets its first secret, shown once.
    JsonObject pub = register(publicClient("upd-pub"));
    HttpResponse<String> toConfidential = call("PUT", pub.getString("registration_client_uri"),
        pub.getString("registration_access_token"), JSON, confidential("upd-pub")
            .add("client_id", pub.getString("client_id")).build().toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(200, toConfidential.statusCode(), toConfidential::body);
    assertTrue(json(toConfidential).getString("client_secret").length() >= 43);
    assertEquals(Database.sha256(json(toConfidential).getString("registration_access_token")),
        row(pub.getString("client_id")).get("registration_token_hash"));
    assertNotNull(token);
  }

  @Test
  void rfc7592_2_2_whenClientIdOrSecretDifferOrMetadataInvalid_then400AndNothingChanged() {
    JsonObject info = register(confidential("upd-bad"));
    String clientId = info.getString("client_id");
    String uri = info.getString("registration_client_uri");
    String token = info.getString("registration_access_token");
    Map<String, Object> before = row(clientId);
    for (JsonObjectBuilder bad : List.of(
        confidential("upd-bad"),
        confidential("upd-bad").add("client_id", "it-basic"),
        confidential("upd-bad").add("client_id", clientId).add("client_secret", "not-the-secret-0123456789abcdef"),
        confidential("upd-bad").add("client_id", clientId).add("client_secret", 7),
        confidential("upd-bad").add("client_id", clientId).add("scope", "gatehouse:admin"))) {
      HttpResponse<String> put = call("PUT", uri, token, JSON,
          bad.build().toString().getBytes(StandardCharsets.UTF_8));
      assertError(400, "invalid_client_metadata", put);
    }
    assertError(400, "invalid_redirect_uri", call("PUT", uri, token, JSON, confidential("upd-bad")
        .add("client_id", clientId).add("redirect_uris", array("http://rp.example/cb")).build().toString()
        .getBytes(StandardCharsets.UTF_8)));
    assertEquals(before, row(clientId), "a refused update changes nothing, the registration token included");
    assertEquals(200, call("GET", uri, token, null, null).statusCode());
  }

  @Test
  void rfc7592_2_3_whenClientDeletesItsRegistration_then204AndItsTokensAndConfigurationAreGone() {
    JsonObject info = register(publicClient("del").add("scope", "openid offline_access")
        .add("grant_types", array("authorization_code", "refresh_token")));
    String clientId = info.getString("client_id");
    TokenClient.Answer tokens = tokens(clientId, null, redirect("del"), "openid offline_access");
    HttpResponse<String> userinfo = call("GET", base() + "oauth2/userinfo", tokens.string("access_token"), null, null);
    assertEquals(200, userinfo.statusCode(), userinfo::body);

    HttpResponse<String> deleted = call("DELETE", info.getString("registration_client_uri"),
        info.getString("registration_access_token"), null, null);
    assertEquals(204, deleted.statusCode(), deleted::body);
    assertNull(row(clientId));
    assertEquals(401, call("GET", base() + "oauth2/userinfo", tokens.string("access_token"), null, null)
        .statusCode(), "the client's access token is revoked");
    TokenClient.Answer refresh = new TokenClient(base()).post(
        Fixtures.withClientInBody(Fixtures.refresh(tokens.string("refresh_token"), null), clientId, null), null, null);
    assertEquals(401, refresh.status(), () -> refresh.json().toString());
    assertEquals("invalid_client", refresh.error(), "the client is gone");
    assertError(401, "invalid_token", call("GET", info.getString("registration_client_uri"),
        info.getString("registration_access_token"), null, null));
  }

  @Test
  void rfc7592_2_whenTokenOfAnotherClient_then401AndBothRegistrationsUntouched() {
    JsonObject mine = register(publicClient("mine"));
    JsonObject theirs = register(publicClient("theirs"));
    String myToken = mine.getString("registration_access_token");
    String theirUri = theirs.getString("registration_client_uri");
    assertError(401, "invalid_token", call("GET", theirUri, myToken, null, null));
    assertError(401, "invalid_token", call("PUT", theirUri, myToken, JSON, publicClient("theirs")
        .add("client_id", theirs.getString("client_id")).build().toString().getBytes(StandardCharsets.UTF_8)));
    assertError(401, "invalid_token", call("DELETE", theirUri, myToken, null, null));
    assertNotNull(row(theirs.getString("client_id")));
    assertEquals(200, call("GET", theirUri, theirs.getString("registration_access_token"), null, null).statusCode());
    assertEquals(200, call("GET", mine.getString("registration_client_uri"), myToken, null, null).statusCode(),
        "a token refused elsewhere still opens its own registration");
  }

  @Test
  void rfc7592_2_whenOperatorsClientOrUnknownClientOrNoToken_then401() {
    String operators = endpoint() + "/" + Fixtures.BASIC;
    for (String token : List.of(INITIAL, Fixtures.BASIC_SECRET, "x")) {
      assertError(401, "invalid_token", call("GET", operators, token, null, null));
      assertError(401, "invalid_token", call("DELETE", operators, token, null, null));
    }
    assertNotNull(row(Fixtures.BASIC), "the operator's client is still there");
    assertError(401, "invalid_token", call("GET", endpoint() + "/no-such-client", INITIAL, null, null));
    HttpResponse<String> bare = call("GET", operators, null, null, null);
    assertEquals(401, bare.statusCode());
    assertEquals("Bearer realm=\"gatehouse\"", bare.headers().firstValue("WWW-Authenticate").orElse(""));
  }

  @Test
  void bounded_whenTheMostSelfRegisteredClientsExist_thenRefusedUntilOneIsDeleted() {
    int max = Integer.parseInt(System.getProperty("gatehouse.it.dcrMaxClients"));
    List<JsonObject> filled = new java.util.ArrayList<>();
    while (dynamicClients() < max) {
      filled.add(register(publicClient("fill")));
    }
    assertError(403, "access_denied", post(INITIAL, publicClient("over").build().toString()));
    assertEquals(max, dynamicClients(), "nothing stored beyond the limit");
    for (JsonObject client : filled) {
      assertEquals(204, call("DELETE", client.getString("registration_client_uri"),
          client.getString("registration_access_token"), null, null).statusCode());
    }
    JsonObject again = register(publicClient("again"));
    assertEquals(204, call("DELETE", again.getString("registration_client_uri"),
        again.getString("registration_access_token"), null, null).statusCode());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // On and off

  @Test
  void rfc8414_2_whenRegistrationOn_thenBothDiscoveryDocumentsAdvertiseIt() {
    for (String document : List.of("oauth-authorization-server", "openid-configuration")) {
      HttpResponse<String> response = call("GET", base() + ".well-known/" + document, null, null, null);
      assertEquals(Fixtures.issuer() + "/oauth2/register", json(response).getString("registration_endpoint"));
    }
    assertEquals(405, call("PATCH", endpoint(), INITIAL, JSON, "{}".getBytes(StandardCharsets.UTF_8)).statusCode(),
        "the endpoint exists: a wrong method is 405");
  }

  @Test
  void off_whenRegistrationIsOffByDefault_thenItsEndpointsAnswerLikeUnknownPathsAndAreNotAdvertised() {
    String offBase = off.base();
    HttpResponse<String> unknown = call("POST", offBase + "/oauth2/no-such-endpoint", INITIAL, JSON,
        "{}".getBytes(StandardCharsets.UTF_8));
    assertEquals(404, unknown.statusCode());
    JsonObject registrable = register(publicClient("onA"));
    byte[] body = publicClient("off").build().toString().getBytes(StandardCharsets.UTF_8);
    String configuration = offBase + "/oauth2/register/" + registrable.getString("client_id");
    String token = registrable.getString("registration_access_token");
    for (HttpResponse<String> response : List.of(
        call("POST", offBase + "/oauth2/register", INITIAL, JSON, body),
        call("POST", offBase + "/oauth2/register", null, "text/plain", body),
        call("PATCH", offBase + "/oauth2/register", null, null, null),
        call("GET", offBase + "/oauth2/register", null, null, null),
        call("GET", configuration, token, null, null),
        call("PUT", configuration, token, JSON, body),
        call("DELETE", configuration, token, null, null))) {
      assertEquals(404, response.statusCode(), response::body);
      assertEquals(unknown.body(), response.body(), "the same answer as a path that does not exist");
    }
    assertNotNull(row(registrable.getString("client_id")), "nothing was deleted through the node that is off");
    for (String document : List.of("oauth-authorization-server", "openid-configuration")) {
      HttpResponse<String> response = call("GET", offBase + "/.well-known/" + document, null, null, null);
      assertEquals(200, response.statusCode());
      assertFalse(json(response).containsKey("registration_endpoint"), document);
    }
  }
}
