package dev.gatehouse.it;

import static dev.gatehouse.it.Fixtures.ALICE;
import static dev.gatehouse.it.Fixtures.ALICE_PASSWORD;
import static dev.gatehouse.it.Fixtures.BASIC;
import static dev.gatehouse.it.Fixtures.BASIC_REDIRECT;
import static dev.gatehouse.it.Fixtures.BASIC_SECRET;
import static dev.gatehouse.it.Fixtures.CAROL;
import static dev.gatehouse.it.Fixtures.CAROL_PASSWORD;
import static dev.gatehouse.it.ServiceFixtures.SERVICE;
import static dev.gatehouse.it.ServiceFixtures.SERVICE_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.it.ResourceEndpoints.ClientAuth;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail over HTTP and in the database (it-mariadb execution only): each security event leaves its row in
 * {@code audit_events}, with the right type and columns, and its line in the server log; events of a failed request
 * (a replayed code) are there although the request rolled back; no row or line holds a token, code, secret or
 * password the test used, nor its SHA-256; and the purge keeps rows for GATEHOUSE_AUDIT_RETENTION (the default, 90
 * days), not for the five seconds the pom gives the other tables. Each test finds its own rows by grant, session,
 * account key or by time since it began.
 */
@ExtendWith({MariaDbOnly.class, ArquillianExtension.class})
@RunAsClient
class AuditIT {
  private static final String AUDIT = Database.PREFIX + "audit_events";
  /** GATEHOUSE_LOGIN_MAX_FAILURES in the pom's failsafe configuration. */
  private static final int MAX_FAILURES = 3;
  /** GATEHOUSE_REFRESH_REUSE_GRACE in the pom (PT2S), and a margin. */
  private static final long PAST_GRACE_MILLIS = 2_500;
  private static final long GIVE_UP_MILLIS = 60_000;
  private static final long DAY_MILLIS = 86_400_000L;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private URI base() {
    return URI.create(url.toString());
  }

  // ---- reading the trail

  /** The rows of {@code type} whose {@code column} equals {@code value}, oldest first. */
  private static List<Map<String, Object>> events(String type, String column, Object value) {
    return Database.rows("SELECT * FROM " + AUDIT + " WHERE event_type = ? AND " + column + " = ? ORDER BY id",
        type, value);
  }

  /** The one row of {@code type} whose {@code column} equals {@code value}. */
  private static Map<String, Object> event(String type, String column, Object value) {
    List<Map<String, Object>> rows = events(type, column, value);
    assertEquals(1, rows.size(), () -> "one " + type + " row for " + column + " " + value + ": " + rows);
    return rows.get(0);
  }

  /** The rows of {@code type} about user {@code subject} since {@code since} (epoch millis). */
  private static List<Map<String, Object>> eventsOf(String type, String subject, long since) {
    return Database.rows("SELECT * FROM " + AUDIT + " WHERE event_type = ? AND subject = ? AND occurred_at >= ?",
        type, subject, since);
  }

  /** The rows of {@code type} since {@code since} (epoch millis) whose details hold {@code key} = {@code value}. */
  private static List<Map<String, Object>> eventsWithDetail(String type, long since, String key, String value) {
    return Database.rows("SELECT * FROM " + AUDIT + " WHERE event_type = ? AND occurred_at >= ? AND details LIKE ?"
        + " ORDER BY id", type, since, "%\"" + key + "\":\"" + value + "\"%");
  }

  private static JsonObject details(Map<String, Object> row) {
    Object details = row.get("details");
    return details == null ? JsonObject.EMPTY_JSON_OBJECT
        : Json.createReader(new StringReader((String) details)).readObject();
  }

  /** How the server names an account in the trail: 8 hex digits of the SHA-256 of the normalized typed name. */
  private static String accountKey(String typedUsername) {
    return Database.sha256("account:" + typedUsername.strip().toLowerCase(Locale.ROOT)).substring(0, 8);
  }

  private static String subjectOf(String username) {
    return (String) Database.rows("SELECT id FROM " + Database.PREFIX + "users WHERE username = ?", username).get(0)
        .get("id");
  }

  private static String grantOf(String code) {
    return (String) Database.byId(Database.CODES, Database.sha256(code)).get("grant_id");
  }

  /** The audit line of the server log (logger dev.gatehouse.audit) that carries this row id, polled until there. */
  private static String logLine(String id) {
    String needle = "\"id\":\"" + id + "\"";
    List<String> found = new ArrayList<>();
    poll(() -> {
      found.clear();
      found.addAll(auditLines().stream().filter(l -> l.contains(needle)).toList());
      return !found.isEmpty();
    });
    assertEquals(1, found.size(), () -> "one log line for audit row " + id + ": " + found);
    return found.get(0);
  }

  /**
   * Every audit line of the server log: the file Payara writes for {@code --logtofile} (java.util.logging may add a
   * generation number, {@code .0}, to its name).
   */
  private static List<String> auditLines() {
    return allLogLines().stream().filter(l -> l.contains("{\"id\":\"")).toList();
  }

  /** Every line of the server log, from every generation of its file. */
  private static List<String> allLogLines() {
    Path configured = Path.of(System.getProperty("gatehouse.it.logFile"));
    try (var files = Files.list(configured.getParent())) {
      List<String> lines = new ArrayList<>();
      for (Path file : files.filter(f -> f.getFileName().toString().matches(
          java.util.regex.Pattern.quote(configured.getFileName().toString()) + "(\\.\\d+)?")).toList()) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean poll(BooleanSupplier done) {
    long giveUp = System.currentTimeMillis() + GIVE_UP_MILLIS;
    while (!done.getAsBoolean()) {
      if (System.currentTimeMillis() > giveUp) {
        return false;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  // ---- driving the server

  /** A code for it-basic and alice (signing in and consenting as needed), and its verifier. */
  private record Code(String code, Pkce pkce, UserAgent agent) {}

  private Code code(String scope) {
    UserAgent agent = new UserAgent(base());
    Pkce pkce = Pkce.create();
    return new Code(Flows.code(agent, BASIC, BASIC_REDIRECT, scope, pkce, ALICE, ALICE_PASSWORD), pkce, agent);
  }

  private TokenClient.Answer redeem(Code code) {
    return new TokenClient(base()).post(Fixtures.codeRedemption(code.code(), BASIC_REDIRECT, code.pkce()), BASIC,
        BASIC_SECRET);
  }

  private TokenClient.Answer refresh(String refreshToken) {
    return new TokenClient(base()).post(Fixtures.refresh(refreshToken, null), BASIC, BASIC_SECRET);
  }

  /** The sign-in page of a fresh authorization request, in a new browser. */
  private HttpResponse<String> toSignIn(UserAgent agent) {
    HttpResponse<String> toLogin = agent.authorize(Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read",
        Pkce.create(), UUID.randomUUID().toString()));
    assertTrue(UserAgent.isRedirectTo(toLogin, "/login"), "a new browser is sent to sign in");
    return toLogin;
  }

  private static void assertRefused(HttpResponse<String> answer) {
    assertEquals(401, answer.statusCode(), answer::body);
  }

  // ---- the events

  @Test
  void signInFailed_whenPasswordWrong_thenOneRowWithTheAccountKey_neitherPasswordNorTypedName() {
    long since = System.currentTimeMillis();
    UserAgent agent = new UserAgent(base());
    HttpResponse<String> toLogin = toSignIn(agent);
    String wrong = "wrong-" + UUID.randomUUID();
    // Someone types their password into the username field: the trail must not become a list of passwords.
    String typedPassword = "Typed-Password-" + UUID.randomUUID();

    assertRefused(agent.signIn(toLogin, ALICE, wrong));
    assertRefused(agent.signIn(toLogin, typedPassword, "anything"));

    for (String typed : List.of(ALICE, typedPassword)) {
      List<Map<String, Object>> rows = eventsWithDetail("SIGN_IN_FAILED", since, "account_key", accountKey(typed));
      assertEquals(1, rows.size(), () -> "one SIGN_IN_FAILED row for " + typed + ": " + rows);
      Map<String, Object> row = rows.get(0);
      assertEquals("failure", row.get("outcome"));
      assertEquals("invalid_credentials", details(row).getString("reason"));
      assertNull(row.get("username"), "nothing typed into a failed sign-in is stored");
      assertNull(row.get("subject"));
      assertEquals("127.0.0.1", row.get("client_address"));
      assertNotNull(row.get("node"));
    }
    for (Map<String, Object> row : Database.rows("SELECT * FROM " + AUDIT + " WHERE occurred_at >= ?", since)) {
      String text = row.values().toString().toLowerCase(Locale.ROOT);
      for (String secret : List.of(wrong, typedPassword, "anything")) {
        assertFalse(text.contains(secret.toLowerCase(Locale.ROOT)), () -> "in an audit row: " + row);
      }
    }
    // Leave alice as found: a right password resets her counter for the other tests.
    assertTrue(agent.signIn(toLogin, ALICE, ALICE_PASSWORD).statusCode() != 401, "alice signs in");
  }

  @Test
  void signInSucceeded_thenOneRowWithSubjectUsernameAndSession_andNoPassword() {
    long since = System.currentTimeMillis();
    UserAgent agent = new UserAgent(base());
    HttpResponse<String> resumed = agent.signIn(toSignIn(agent), CAROL, CAROL_PASSWORD);
    assertEquals(200, resumed.statusCode(), "carol is asked for consent next");

    String carol = subjectOf(CAROL);
    List<Map<String, Object>> rows = eventsOf("SIGN_IN_SUCCEEDED", carol, since);
    assertEquals(1, rows.size(), rows::toString);
    Map<String, Object> row = rows.get(0);
    assertEquals("success", row.get("outcome"));
    assertEquals(carol, row.get("actor"));
    assertEquals(CAROL, row.get("username"), "the identity store's name of a successful sign-in");
    assertNotNull(row.get("session_id"), "the SSO session it started");
    assertEquals("127.0.0.1", row.get("client_address"));
    assertFalse(row.values().toString().contains(CAROL_PASSWORD));
  }

  @Test
  void accountLocked_whenTheLimitIsReached_thenOneLockoutRow_andAttemptsWhileLockedFailForReasonLocked() {
    long since = System.currentTimeMillis();
    UserAgent agent = new UserAgent(base());
    HttpResponse<String> toLogin = toSignIn(agent);
    String typed = "locked-" + UUID.randomUUID();
    for (int i = 0; i < MAX_FAILURES + 1; i++) {
      assertRefused(agent.signIn(toLogin, typed, "wrong-" + i));
    }

    String key = accountKey(typed);
    List<Map<String, Object>> locked = eventsWithDetail("ACCOUNT_LOCKED", since, "account_key", key);
    assertEquals(1, locked.size(), locked::toString);
    JsonObject lockout = details(locked.get(0));
    assertEquals("1", lockout.getString("lockouts"));
    assertTrue(lockout.getString("locked_until").endsWith("Z"), "an ISO-8601 instant: " + lockout);
    assertEquals("failure", locked.get(0).get("outcome"));
    List<String> reasons = eventsWithDetail("SIGN_IN_FAILED", since, "account_key", key).stream()
        .map(r -> details(r).getString("reason")).toList();
    List<String> expected = new ArrayList<>(java.util.Collections.nCopies(MAX_FAILURES, "invalid_credentials"));
    expected.add("locked");
    assertEquals(expected, reasons, "every attempt is a row; the one during the lockout says why it was refused");
  }

  @Test
  void consent_whenAllowed_thenConsentGranted_andWhenDenied_thenConsentDenied() {
    long since = System.currentTimeMillis();
    UserAgent agent = new UserAgent(base());
    Map<String, String> ask = Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read write", Pkce.create(), "s1");
    ask.put("prompt", "consent");
    HttpResponse<String> page = agent.signIn(agent.authorize(ask), ALICE, ALICE_PASSWORD);
    assertTrue(page.body().contains("id=\"allow\""), "prompt=consent shows the consent page");
    HttpResponse<String> allowed = agent.consent(page, "allow");
    assertTrue(UserAgent.isRedirectTo(allowed, BASIC_REDIRECT), allowed::body);

    Map<String, String> again = Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read", Pkce.create(), "s2");
    again.put("prompt", "consent");
    HttpResponse<String> denied = agent.consent(agent.authorize(again), "deny");
    assertTrue(UserAgent.location(denied).contains("error=access_denied"), UserAgent.location(denied));

    String alice = subjectOf(ALICE);
    for (String type : List.of("CONSENT_GRANTED", "CONSENT_DENIED")) {
      List<Map<String, Object>> rows = eventsOf(type, alice, since);
      assertEquals(1, rows.size(), () -> type + ": " + rows);
      Map<String, Object> row = rows.get(0);
      assertEquals(BASIC, row.get("client_id"));
      assertEquals(alice, row.get("actor"));
      assertNotNull(row.get("session_id"));
      assertEquals(type.equals("CONSENT_GRANTED") ? "read write" : "read", details(row).getString("scope"));
      assertEquals(type.equals("CONSENT_GRANTED") ? "success" : "failure", row.get("outcome"));
    }
  }

  @Test
  void tokenIssued_forClientCredentials_withTheClientNoSubject_andItsLineInTheServerLog() {
    long since = System.currentTimeMillis();
    new ResourceEndpoints(base()).serviceToken(ClientAuth.basic(SERVICE, SERVICE_SECRET), "read");

    List<Map<String, Object>> rows = Database.rows("SELECT * FROM " + AUDIT + " WHERE event_type = 'TOKEN_ISSUED'"
        + " AND client_id = ? AND occurred_at >= ?", SERVICE, since);
    assertEquals(1, rows.size(), rows::toString);
    Map<String, Object> row = rows.get(0);
    assertEquals(SERVICE, row.get("actor"));
    assertNull(row.get("subject"), "a client acting on its own behalf");
    assertNotNull(row.get("grant_id"));
    JsonObject d = details(row);
    assertEquals("client_credentials", d.getString("grant_type"));
    assertEquals("read", d.getString("scope"));
    assertEquals("access_token", d.getString("issued"));

    String line = logLine((String) row.get("id"));
    String json = line.substring(line.indexOf("{\"id\":"), line.lastIndexOf('}') + 1);
    JsonObject logged = Json.createReader(new StringReader(json)).readObject();
    assertEquals("TOKEN_ISSUED", logged.getString("event"), "one line of JSON: " + line);
    assertEquals(SERVICE, logged.getString("client_id"));
    assertEquals(row.get("grant_id"), logged.getString("grant_id"));
    assertEquals(d, logged.getJsonObject("details"), "the line and the row say the same");
  }

  @Test
  void adminChange_whenAnAutomationClientRegistersAndDeletesAClient_thenTwoRowsNamingActorActionAndTarget() {
    long since = System.currentTimeMillis();
    ResourceEndpoints endpoints = new ResourceEndpoints(base());
    String token = endpoints.serviceToken(ClientAuth.basic("it-admin-automation",
        "it-admin-automation-secret-0123456789abcdefg"), "gatehouse:admin");
    String clientId = "audited-" + UUID.randomUUID();
    HttpResponse<String> created = endpoints.send(HttpRequest.newBuilder(base().resolve("/admin/api/clients"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"client_id\":\"" + clientId + "\",\"grant_types\":"
            + "[\"client_credentials\"],\"scope\":\"read\"}")));
    assertEquals(201, created.statusCode(), created::body);
    String secret = Json.createReader(new StringReader(created.body())).readObject().getString("client_secret");
    HttpResponse<String> deleted = endpoints.send(HttpRequest.newBuilder(base().resolve("/admin/api/clients/"
        + clientId)).header("Authorization", "Bearer " + token).DELETE());
    assertEquals(204, deleted.statusCode(), deleted::body);

    List<Map<String, Object>> rows = Database.rows("SELECT * FROM " + AUDIT + " WHERE event_type = 'ADMIN_CHANGE'"
        + " AND client_id = ? AND occurred_at >= ? ORDER BY occurred_at, id", clientId, since);
    assertEquals(List.of("client.create", "client.delete"),
        rows.stream().map(r -> details(r).getString("action")).toList(), rows::toString);
    for (Map<String, Object> row : rows) {
      assertEquals("it-admin-automation", row.get("actor"));
      assertEquals("client", details(row).getString("target_type"));
      assertEquals(clientId, details(row).getString("target_id"));
      assertFalse(row.toString().contains(secret), "the generated secret is never recorded");
      assertFalse(logLine((String) row.get("id")).contains(secret));
    }
  }

  @Test
  void codeGrant_tokenIssuedThenRefreshedThenRevoked_eachARowOfItsGrant() {
    Code code = code("openid read");
    TokenClient.Answer issued = redeem(code);
    assertEquals(200, issued.status(), () -> issued.json().toString());
    String grant = grantOf(code.code());
    TokenClient.Answer refreshed = refresh(issued.string("refresh_token"));
    assertEquals(200, refreshed.status(), () -> refreshed.json().toString());
    HttpResponse<String> revoked = new ResourceEndpoints(base()).revoke(refreshed.string("refresh_token"),
        "refresh_token", ClientAuth.basic(BASIC, BASIC_SECRET));
    assertEquals(200, revoked.statusCode());

    String alice = subjectOf(ALICE);
    Map<String, Object> issue = event("TOKEN_ISSUED", "grant_id", grant);
    assertEquals(alice, issue.get("subject"));
    assertEquals(BASIC, issue.get("client_id"));
    assertEquals("authorization_code", details(issue).getString("grant_type"));
    assertEquals("access_token refresh_token id_token", details(issue).getString("issued"));
    assertEquals("openid read", details(issue).getString("scope"));
    Map<String, Object> refresh = event("TOKEN_REFRESHED", "grant_id", grant);
    assertEquals("refresh_token", details(refresh).getString("grant_type"));
    assertEquals(alice, refresh.get("subject"));
    Map<String, Object> revoke = event("TOKEN_REVOKED", "grant_id", grant);
    assertEquals(BASIC, revoke.get("actor"));
    assertEquals("refresh_token", details(revoke).getString("token_type"));
    assertEquals("client_request", details(revoke).getString("reason"));
  }

  @Test
  void codeReplay_thenCodeReplayDetectedRow_althoughTheRequestFailed_andNoSecondIssuance() {
    Code code = code("read");
    assertEquals(200, redeem(code).status());
    TokenClient.Answer replay = redeem(code);
    assertEquals(400, replay.status());
    assertEquals("invalid_grant", replay.error());

    String grant = grantOf(code.code());
    Map<String, Object> row = event("CODE_REPLAY_DETECTED", "grant_id", grant);
    assertEquals("failure", row.get("outcome"));
    assertEquals(BASIC, row.get("client_id"));
    assertEquals(subjectOf(ALICE), row.get("subject"));
    assertEquals("2", details(row).getString("tokens_revoked"), "the access and refresh token of the grant");
    assertEquals(1, events("TOKEN_ISSUED", "grant_id", grant).size(), "the replay's rollback left no issuance row");
  }

  @Test
  void refreshReplay_afterTheGraceWindow_thenRefreshReplayDetectedRow() throws InterruptedException {
    Code code = code("read");
    TokenClient.Answer issued = redeem(code);
    String first = issued.string("refresh_token");
    assertEquals(200, refresh(first).status(), "rotates: the first refresh token is now spent");
    Thread.sleep(PAST_GRACE_MILLIS);
    TokenClient.Answer reuse = refresh(first);
    assertEquals("invalid_grant", reuse.error());

    String grant = grantOf(code.code());
    Map<String, Object> row = event("REFRESH_REPLAY_DETECTED", "grant_id", grant);
    assertEquals(BASIC, row.get("actor"));
    assertEquals(subjectOf(ALICE), row.get("subject"));
    assertEquals(1, events("TOKEN_REFRESHED", "grant_id", grant).size(), "only the refresh that worked");
  }

  @Test
  void logout_thenSessionEndedRow_andTheSessionsTokensRevokedRow() {
    Code code = code("read");
    assertEquals(200, redeem(code).status());
    String sid = (String) Database.byId(Database.PREFIX + "grants", grantOf(code.code())).get("session_id");
    assertNotNull(sid, "the grant was made in an SSO session");

    HttpResponse<String> ask = code.agent().get("/oauth2/logout");
    Map<String, String> form = UserAgent.csrfField(ask.body());
    form.put("confirm", "yes");
    assertEquals(200, code.agent().postForm("/oauth2/logout", form).statusCode());

    String alice = subjectOf(ALICE);
    Map<String, Object> ended = event("SESSION_ENDED", "session_id", sid);
    assertEquals(alice, ended.get("subject"));
    assertEquals(alice, ended.get("actor"), "the user logged out");
    assertEquals("logout", details(ended).getString("reason"));
    Map<String, Object> revoked = event("TOKEN_REVOKED", "session_id", sid);
    assertEquals("session_ended", details(revoked).getString("reason"));
    assertEquals("2", details(revoked).getString("tokens_revoked"));
  }

  @Test
  void noSecrets_noColumnOfAnyRowNorAnyLogLineHoldsATokenCodeSecretOrPasswordOfTheTest_orItsHash() {
    List<String> secrets = new ArrayList<>(List.of(ALICE_PASSWORD, BASIC_SECRET, SERVICE_SECRET));
    UserAgent agent = new UserAgent(base());
    String typedPassword = "Typed-Password-" + UUID.randomUUID();
    secrets.add(typedPassword);
    assertRefused(agent.signIn(toSignIn(agent), typedPassword, ALICE_PASSWORD));
    Code code = code("openid read");
    secrets.addAll(List.of(code.code(), code.pkce().verifier()));
    TokenClient.Answer issued = redeem(code);
    secrets.addAll(List.of(issued.string("access_token"), issued.string("refresh_token"), issued.string("id_token")));
    TokenClient.Answer refreshed = refresh(issued.string("refresh_token"));
    secrets.addAll(List.of(refreshed.string("access_token"), refreshed.string("refresh_token")));
    new ResourceEndpoints(base()).revoke(refreshed.string("access_token"), null, ClientAuth.basic(BASIC,
        BASIC_SECRET));
    secrets.add(new ResourceEndpoints(base()).serviceToken(ClientAuth.basic(SERVICE, SERVICE_SECRET), "read"));
    assertEquals(400, redeem(code).status(), "the replay fails, and is recorded");
    assertTrue(secrets.stream().allMatch(s -> s != null && s.length() >= 16), secrets::toString);

    List<String> forbidden = new ArrayList<>(secrets);
    secrets.forEach(s -> forbidden.add(Database.sha256(s)));
    List<Map<String, Object>> rows = Database.rows("SELECT * FROM " + AUDIT);
    assertTrue(rows.size() >= 8, "the flow above wrote rows: " + rows.size());
    for (Map<String, Object> row : rows) {
      for (Object value : row.values()) {
        String text = String.valueOf(value);
        for (String f : forbidden) {
          assertFalse(text.contains(f), () -> "an audit column holds a secret or its hash: " + row);
        }
      }
    }
    String lastId = (String) rows.stream().map(r -> r.get("id")).max((a, b) -> ((String) a).compareTo((String) b))
        .orElseThrow();
    logLine(lastId); // the lines of this test have reached the file
    for (String line : auditLines()) {
      for (String f : forbidden) {
        assertFalse(line.contains(f), () -> "an audit log line holds a secret or its hash: " + line);
      }
    }
  }

  /**
   * No value a request carries can write a line of the log of its own (issue 10, finding 9): a parameter name with a
   * line break and what follows it dressed as an audit line, sent where the refusal is logged (the end-session
   * endpoint names a too-long parameter), ends up escaped inside the refusal's own line, and no line of the log starts
   * as the forgery does or carries its id outside that line.
   */
  @Test
  void log_whenARequestCarriesALineBreak_thenItIsEscapedAndNoLineIsForged() {
    String forgedId = "forged-" + UUID.randomUUID();
    String forgery = "x\n[2026-12-03T00:00:00.000+0000] [] [INFO] [] [dev.gatehouse.audit] [tid: 1] {\"id\":\""
        + forgedId + "\",\"event\":\"SIGN_IN_SUCCEEDED\"}";
    HttpResponse<String> refused = new UserAgent(base()).get("/oauth2/logout?"
        + java.net.URLEncoder.encode(forgery, StandardCharsets.UTF_8) + "=" + "v".repeat(4100));
    assertEquals(400, refused.statusCode(), refused::body);

    List<String> carrying = new ArrayList<>();
    poll(() -> {
      carrying.clear();
      carrying.addAll(allLogLines().stream().filter(l -> l.contains(forgedId)).toList());
      return !carrying.isEmpty();
    });
    assertEquals(1, carrying.size(), () -> "the forged id in one line only: " + carrying);
    String line = carrying.get(0);
    assertTrue(line.contains("logout request refused") && line.contains("x\\u000a[2026-12-03T00:00:00.000+0000]"),
        () -> "the refusal's own line, with the line break escaped: " + line);
    assertTrue(allLogLines().stream().noneMatch(l -> l.startsWith("[2026-12-03T00:00:00.000+0000]")),
        "no line starts as the forgery does");
  }

  @Test
  void purge_deletesRowsOlderThanTheAuditRetention_andKeepsYoungerOnes() {
    long since = System.currentTimeMillis();
    ResourceEndpoints endpoints = new ResourceEndpoints(base());
    endpoints.serviceToken(ClientAuth.basic(SERVICE, SERVICE_SECRET), "read");
    endpoints.serviceToken(ClientAuth.basic(SERVICE, SERVICE_SECRET), "write");
    List<Map<String, Object>> rows = Database.rows("SELECT * FROM " + AUDIT + " WHERE event_type = 'TOKEN_ISSUED'"
        + " AND client_id = ? AND occurred_at >= ? ORDER BY id", SERVICE, since);
    assertEquals(2, rows.size(), rows::toString);
    String old = (String) rows.get(0).get("id");
    String young = (String) rows.get(1).get("id");
    long now = System.currentTimeMillis();
    // 91 days ago: past the 90-day default. An hour ago: long past GATEHOUSE_PURGE_RETENTION (PT5S in the pom),
    // which the audit rows must not follow.
    assertEquals(1, RowAging.ageAuditEvent(old, now - 91 * DAY_MILLIS));
    assertEquals(1, RowAging.ageAuditEvent(young, now - 3_600_000L));

    boolean purged = poll(() -> Database.byId(AUDIT, old) == null);

    assertTrue(purged, "the purge deleted the row older than the retention");
    assertEquals(Optional.of(young), Optional.ofNullable(Database.byId(AUDIT, young)).map(r -> r.get("id")),
        "a row younger than the retention is kept");
  }
}
