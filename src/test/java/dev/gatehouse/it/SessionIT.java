package dev.gatehouse.it;

import static dev.gatehouse.it.Fixtures.OIDC;
import static dev.gatehouse.it.Fixtures.OIDC_LOGGED_OUT;
import static dev.gatehouse.it.Fixtures.OIDC_REDIRECT;
import static dev.gatehouse.it.Fixtures.OIDC_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.oidc.IndependentJws;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The SSO session (kept server-side, in the database) and RP-Initiated Logout 1.0, over HTTP and in the database
 * (it-mariadb execution only).
 */
@ExtendWith({MariaDbOnly.class, ArquillianExtension.class})
@RunAsClient
class SessionIT {
  private static final String SESSIONS = Database.PREFIX + "sessions";
  private static final String USERINFO = "it-userinfo";
  private static final String USERINFO_SECRET = "it-userinfo-secret-0123456789abcdefghijklm";
  private static final String USERINFO_REDIRECT = "http://127.0.0.1:9/userinfo-callback";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private URI base() {
    return URI.create(url.toString());
  }

  private static Map<String, String> request(String clientId, String redirect, String scope, Pkce pkce) {
    Map<String, String> p = Fixtures.authorizeParams(clientId, redirect, scope, pkce, UUID.randomUUID().toString());
    p.put("nonce", UUID.randomUUID().toString());
    return p;
  }

  private record Tokens(String access, String refresh, String idToken) {}

  private Tokens tokens(UserAgent agent, String clientId, String secret, String redirect, String scope) {
    Pkce pkce = Pkce.create();
    URI back = agent.authorizeAndAllow(request(clientId, redirect, scope, pkce), Fixtures.CAROL,
        Fixtures.CAROL_PASSWORD);
    TokenClient.Answer answer = new TokenClient(base()).post(
        Fixtures.codeRedemption(Fixtures.query(back).get("code"), redirect, pkce), clientId, secret);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    return new Tokens(answer.string("access_token"), answer.string("refresh_token"), answer.string("id_token"));
  }

  /** Signs in at the login page by hand, returning the raw answer to the form POST (with its Set-Cookie). */
  private HttpResponse<String> postLogin(UserAgent agent, Map<String, String> authorizeParams) {
    HttpResponse<String> toLogin = agent.authorize(authorizeParams);
    assertTrue(UserAgent.isRedirectTo(toLogin, "/login"), "not signed in yet");
    HttpResponse<String> page = agent.get(UserAgent.location(toLogin));
    Map<String, String> form = UserAgent.hiddenFields(page.body());
    form.put("username", Fixtures.CAROL);
    form.put("password", Fixtures.CAROL_PASSWORD);
    HttpResponse<String> posted = agent.postForm("/login", form);
    assertEquals(302, posted.statusCode(), posted::body);
    return posted;
  }

  private static String ssoCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("GATEHOUSE_SSO="))
        .findFirst().orElseThrow(() -> new AssertionError("no GATEHOUSE_SSO cookie in " + response.headers()));
  }

  private static String value(String setCookie) {
    return setCookie.substring("GATEHOUSE_SSO=".length(), setCookie.indexOf(';'));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // SSO

  @Test
  void sso_whenSignedInForOneClient_thenAnotherClientGetsItsCodeWithoutTheSignInPage() {
    UserAgent agent = new UserAgent(base());
    Tokens first = tokens(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid");
    HttpResponse<String> second = agent.authorize(request(USERINFO, USERINFO_REDIRECT, "openid", Pkce.create()));
    assertFalse(UserAgent.isRedirectTo(second, "/login"), "no second sign-in");
    Tokens other = tokens(agent, USERINFO, USERINFO_SECRET, USERINFO_REDIRECT, "openid");
    JsonObject a = IndependentJws.payload(first.idToken());
    JsonObject b = IndependentJws.payload(other.idToken());
    assertEquals(a.getString("sub"), b.getString("sub"));
    assertEquals(a.getString("sid"), b.getString("sid"), "one session, one sid, both clients");
    assertEquals(a.getJsonNumber("auth_time"), b.getJsonNumber("auth_time"), "the one sign-in");
    List<Map<String, Object>> clients = Database.rows(
        "SELECT client_id FROM " + Database.PREFIX + "session_clients WHERE sid = ? ORDER BY client_id",
        a.getString("sid"));
    assertEquals(List.of(OIDC, USERINFO), clients.stream().map(r -> r.get("client_id")).toList());
  }

  @Test
  void sso_cookie_isHttpOnlySameSiteLaxAndOnlyItsHashIsStored() {
    UserAgent agent = new UserAgent(base());
    String setCookie = ssoCookie(postLogin(agent, request(OIDC, OIDC_REDIRECT, "openid", Pkce.create())));
    String lower = setCookie.toLowerCase();
    assertTrue(lower.contains("httponly"), setCookie);
    assertTrue(lower.contains("samesite=lax"), setCookie);
    assertFalse(lower.contains("secure"), "plain http on loopback: the Secure flag would drop it: " + setCookie);
    assertFalse(lower.contains("max-age") || lower.contains("expires"), "a browser-session cookie: " + setCookie);
    String cookie = value(setCookie);
    assertEquals(43, cookie.length(), "256 random bits");
    Map<String, Object> row = Database.byId(SESSIONS, Database.sha256(cookie));
    assertNotNull(row, "the session row, found by the SHA-256 of the cookie");
    for (Object column : row.values()) {
      assertFalse(String.valueOf(column).contains(cookie), "the cookie value itself is never stored");
    }
  }

  /** The session lives in the database: when its row says it ended (idle or absolute), the browser signs in again. */
  @Test
  void sso_whenSessionExpiredServerSide_thenSignInAgain() {
    UserAgent agent = new UserAgent(base());
    String cookie = value(ssoCookie(postLogin(agent, request(OIDC, OIDC_REDIRECT, "openid", Pkce.create()))));
    assertFalse(UserAgent.isRedirectTo(agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create())),
        "/login"), "signed in");
    assertEquals(1, RowAging.expireById(SESSIONS, Database.sha256(cookie), System.currentTimeMillis() - 1));
    assertTrue(UserAgent.isRedirectTo(agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create())),
        "/login"), "the expired session is not used");
  }

  /**
   * OpenID Connect Core §11: a grant without offline_access lasts while its session does, also when the session just
   * expires (idle or absolute lifetime) rather than being ended by a logout.
   */
  @Test
  void oidcCore_11_whenTheSessionExpiresWithoutALogout_thenAnOnlineGrantCannotBeRefreshed_andAnOfflineOneCan() {
    UserAgent agent = new UserAgent(base());
    Tokens online = tokens(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid read");
    Tokens offline = tokens(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid offline_access");
    TokenClient token = new TokenClient(base());
    TokenClient.Answer refreshed = token.post(Fixtures.refresh(online.refresh(), null), OIDC, OIDC_SECRET);
    assertEquals(200, refreshed.status(), () -> refreshed.json().toString());
    String sid = IndependentJws.payload(online.idToken()).getString("sid");
    String cookieHash = (String) Database.rows("SELECT id FROM " + SESSIONS + " WHERE sid = ?", sid).get(0).get("id");

    assertEquals(1, RowAging.expireById(SESSIONS, cookieHash, System.currentTimeMillis() - 1));

    TokenClient.Answer refused = token.post(Fixtures.refresh(refreshed.string("refresh_token"), null), OIDC,
        OIDC_SECRET);
    assertEquals(400, refused.status());
    assertEquals("invalid_grant", refused.error());
    ResourceEndpoints.ClientAuth auth = ResourceEndpoints.ClientAuth.basic(OIDC, OIDC_SECRET);
    assertFalse(new ResourceEndpoints(base()).introspect(refreshed.string("access_token"), null, auth).json()
        .getBoolean("active"), "the online grant is revoked with its tokens");
    TokenClient.Answer kept = token.post(Fixtures.refresh(offline.refresh(), null), OIDC, OIDC_SECRET);
    assertEquals(200, kept.status(), () -> kept.json().toString());
  }

  @Test
  void sso_whenSignedIn_thenTheSessionEndsTheIdleLifetimeAfterItsLastUse() {
    UserAgent agent = new UserAgent(base());
    String cookie = value(ssoCookie(postLogin(agent, request(OIDC, OIDC_REDIRECT, "openid", Pkce.create()))));
    Map<String, Object> row = Database.byId(SESSIONS, Database.sha256(cookie));
    long created = ((Number) row.get("created_at")).longValue();
    long expires = ((Number) row.get("expires_at")).longValue();
    assertTrue(expires > created, row::toString);
    assertEquals(OIDC_IDLE_OR_MAX_MILLIS, expires - ((Number) row.get("last_seen_at")).longValue(), row::toString);
  }

  /** A second user signing in in the same browser ends the first user's session: one browser, one session. */
  @Test
  void sso_whenAnotherUserSignsInInTheSameBrowser_thenThePreviousSessionEnds() {
    UserAgent agent = new UserAgent(base());
    Tokens carol = tokens(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid read");
    String carolSid = IndependentJws.payload(carol.idToken()).getString("sid");
    Pkce pkce = Pkce.create();
    Map<String, String> p = request(OIDC, OIDC_REDIRECT, "openid", pkce);
    p.put("prompt", "login");
    URI back = agent.authorizeAndAllow(p, Fixtures.DAVE, Fixtures.DAVE_PASSWORD);
    TokenClient.Answer dave = new TokenClient(base()).post(
        Fixtures.codeRedemption(Fixtures.query(back).get("code"), OIDC_REDIRECT, pkce), OIDC, OIDC_SECRET);
    String daveSid = IndependentJws.payload(dave.string("id_token")).getString("sid");
    assertNotEquals(carolSid, daveSid);
    assertNotNull(Database.rows("SELECT ended_at FROM " + SESSIONS + " WHERE sid = ?", carolSid).get(0)
        .get("ended_at"), "carol's session ended");
    assertFalse(new ResourceEndpoints(base()).introspect(carol.access(), null,
        ResourceEndpoints.ClientAuth.basic(OIDC, OIDC_SECRET)).json().getBoolean("active"), "with its grants");
  }

  /**
   * The administration lists a user's sessions and ends them all (the admin API, as an automation client with the
   * gatehouse:admin scope calls it): every browser of the user must sign in again.
   */
  @Test
  void sessions_whenListedAndEndedByTheAdministration_thenEveryBrowserOfTheUserSignsInAgain() {
    UserAgent laptop = new UserAgent(base());
    UserAgent phone = new UserAgent(base());
    Tokens a = tokens(laptop, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid");
    Tokens b = tokens(phone, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid");
    String subject = IndependentJws.payload(a.idToken()).getString("sub");
    ResourceEndpoints endpoints = new ResourceEndpoints(base());
    String admin = endpoints.serviceToken(
        ResourceEndpoints.ClientAuth.basic("it-admin-automation", "it-admin-automation-secret-0123456789abcdefg"),
        "gatehouse:admin");
    List<String> listed = IndependentJws.json(adminApi(endpoints, "GET", subject, admin).body())
        .getJsonArray("items").stream().map(item -> item.asJsonObject().getString("sid")).toList();
    assertTrue(listed.containsAll(List.of(IndependentJws.payload(a.idToken()).getString("sid"),
        IndependentJws.payload(b.idToken()).getString("sid"))), listed::toString);
    HttpResponse<String> ended = adminApi(endpoints, "DELETE", subject, admin);
    assertEquals(200, ended.statusCode(), ended::body);
    assertEquals(listed.size(), IndependentJws.json(ended.body()).getInt("sessions_ended"), ended::body);
    assertEquals(0, IndependentJws.json(adminApi(endpoints, "GET", subject, admin).body()).getInt("total"));
    for (UserAgent agent : List.of(laptop, phone)) {
      assertTrue(UserAgent.isRedirectTo(agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create())),
          "/login"));
    }
  }

  private HttpResponse<String> adminApi(ResourceEndpoints endpoints, String method, String subject, String token) {
    return endpoints.send(HttpRequest.newBuilder(base().resolve("/admin/api/users/" + subject + "/sessions?limit=100"))
        .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token));
  }

  /** The pom sets no session lifetimes: the defaults, 30 minutes idle and 10 hours at most, give 30 minutes. */
  private static final long OIDC_IDLE_OR_MAX_MILLIS = 30 * 60 * 1000L;

  // ---------------------------------------------------------------------------------------------------------------
  // RP-Initiated Logout 1.0

  @Test
  void rpInitiatedLogout_2_whenHintAndRegisteredUri_thenSessionEndedRedirectWithStateAndGrantsRevoked() {
    UserAgent agent = new UserAgent(base());
    Tokens online = tokens(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid read");
    Tokens offline = tokens(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid offline_access");
    String sid = IndependentJws.payload(online.idToken()).getString("sid");
    HttpResponse<String> out = agent.get("/oauth2/logout?id_token_hint=" + online.idToken()
        + "&post_logout_redirect_uri=" + UserAgent.enc(OIDC_LOGGED_OUT) + "&state=s%201");
    assertEquals(302, out.statusCode(), out::body);
    assertEquals(OIDC_LOGGED_OUT + "?state=s+1", UserAgent.location(out));
    // Removed either way RFC 6265 §5.3 allows: Max-Age=0 (Payara) or an Expires in the past (WildFly's Undertow
    // writes only Expires for a cookie of Max-Age 0, and the empty value quoted, which RFC 6265 §4.1.1 allows).
    assertTrue(out.headers().allValues("Set-Cookie").stream()
        .anyMatch(c -> (c.startsWith("GATEHOUSE_SSO=;") || c.startsWith("GATEHOUSE_SSO=\"\";"))
            && (c.toLowerCase().contains("max-age=0")
            || c.toLowerCase().matches(".*expires=[a-z]{3}, 01[- ]jan[- ]1970.*"))), () -> "cookie removed: "
        + out.headers().allValues("Set-Cookie"));
    Map<String, Object> row = Database.rows("SELECT ended_at FROM " + SESSIONS + " WHERE sid = ?", sid).get(0);
    assertNotNull(row.get("ended_at"));
    assertTrue(UserAgent.isRedirectTo(agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create())),
        "/login"), "signed out: the next request asks for a sign-in");
    ResourceEndpoints endpoints = new ResourceEndpoints(base());
    ResourceEndpoints.ClientAuth auth = ResourceEndpoints.ClientAuth.basic(OIDC, OIDC_SECRET);
    assertFalse(endpoints.introspect(online.access(), null, auth).json().getBoolean("active"),
        "the session's grant is revoked with it");
    assertFalse(endpoints.introspect(online.refresh(), null, auth).json().getBoolean("active"));
    assertTrue(endpoints.introspect(offline.refresh(), null, auth).json().getBoolean("active"),
        "an offline_access grant outlives the session (OpenID Connect Core §11)");
  }

  @Test
  void rpInitiatedLogout_2_whenNoHint_thenConfirmationPageThenSignedOut() {
    UserAgent agent = new UserAgent(base());
    tokens(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid");
    HttpResponse<String> page = agent.get("/oauth2/logout");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("id=\"sign-out\""), "asks first");
    assertFalse(UserAgent.isRedirectTo(agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create())),
        "/login"), "asking ends nothing");
    Map<String, String> form = UserAgent.csrfField(page.body());
    form.put("confirm", "yes");
    HttpResponse<String> forged = new UserAgent(base()).postForm("/oauth2/logout", Map.of("confirm", "yes"));
    assertEquals(200, forged.statusCode(), "another browser without a session: nothing to end");
    HttpResponse<String> done = agent.postForm("/oauth2/logout", form);
    assertEquals(200, done.statusCode(), done::body);
    assertTrue(done.body().contains("id=\"signed-out\""), done::body);
    assertTrue(UserAgent.isRedirectTo(agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create())),
        "/login"));
  }

  @Test
  void rpInitiatedLogout_2_whenConfirmationWithoutCsrf_thenAskedAgainAndNothingEnded() {
    UserAgent agent = new UserAgent(base());
    tokens(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid");
    HttpResponse<String> noCsrf = agent.postForm("/oauth2/logout", Map.of("confirm", "yes"));
    assertEquals(200, noCsrf.statusCode());
    assertTrue(noCsrf.body().contains("id=\"sign-out\""), "asked again");
    assertFalse(UserAgent.isRedirectTo(agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create())),
        "/login"), "still signed in");
  }

  @Test
  void rpInitiatedLogout_3_whenUriNotRegisteredOrClientsDisagree_thenErrorPageAndSessionKept() {
    UserAgent agent = new UserAgent(base());
    Tokens t = tokens(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid");
    for (String query : List.of(
        "id_token_hint=" + t.idToken() + "&post_logout_redirect_uri=" + UserAgent.enc("http://127.0.0.1:9/evil"),
        "id_token_hint=" + t.idToken() + "&post_logout_redirect_uri=" + UserAgent.enc(OIDC_LOGGED_OUT + "/"),
        "post_logout_redirect_uri=" + UserAgent.enc(OIDC_LOGGED_OUT),
        "id_token_hint=" + t.idToken() + "&client_id=it-basic",
        "id_token_hint=not.a.token",
        "state=a&state=b")) {
      HttpResponse<String> response = agent.get("/oauth2/logout?" + query);
      assertEquals(400, response.statusCode(), query);
      assertNull(response.headers().firstValue("Location").orElse(null), query);
    }
    assertFalse(UserAgent.isRedirectTo(agent.authorize(request(OIDC, OIDC_REDIRECT, "openid", Pkce.create())),
        "/login"), "still signed in");
  }

  @Test
  void rpInitiatedLogout_whenNotSignedIn_thenRedirectedAnyway() {
    UserAgent agent = new UserAgent(base());
    Tokens t = tokens(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid");
    HttpResponse<String> first = agent.get("/oauth2/logout?id_token_hint=" + t.idToken());
    assertEquals(200, first.statusCode());
    HttpResponse<String> again = agent.get("/oauth2/logout?id_token_hint=" + t.idToken()
        + "&post_logout_redirect_uri=" + UserAgent.enc(OIDC_LOGGED_OUT));
    assertEquals(302, again.statusCode());
    assertEquals(OIDC_LOGGED_OUT, UserAgent.location(again));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Back-Channel Logout 1.0

  private static final String BCL = "it-bcl";
  private static final String BCL_SECRET = "it-bcl-secret-0123456789abcdefghijklmnopqrs";
  private static final String BCL_REDIRECT = BackchannelReceiver.callbackUri();

  @Test
  void backchannelLogout_2_5_whenSessionEnds_thenSignedLogoutTokenPostedToTheRegisteredUri() throws Exception {
    try (BackchannelReceiver receiver = new BackchannelReceiver()) {
      UserAgent agent = new UserAgent(base());
      Tokens bcl = tokens(agent, BCL, BCL_SECRET, BCL_REDIRECT, "openid");
      Tokens oidc = tokens(agent, OIDC, OIDC_SECRET, OIDC_REDIRECT, "openid");
      String sid = IndependentJws.payload(bcl.idToken()).getString("sid");
      long before = System.currentTimeMillis() / 1000;
      HttpResponse<String> out = agent.get("/oauth2/logout?id_token_hint=" + oidc.idToken());
      assertEquals(200, out.statusCode(), "the logout page answers at once");
      BackchannelReceiver.Received got = receiver.next(java.time.Duration.ofSeconds(20));
      assertNotNull(got, "a notification arrived");
      assertEquals("POST", got.method());
      assertEquals("tenant=it", got.query(), "the registered URI, query and all");
      assertTrue(got.contentType().startsWith("application/x-www-form-urlencoded"), got.contentType());
      String token = got.logoutToken();
      assertNotNull(token, got.rawBody());
      assertEquals("logout+jwt", IndependentJws.header(token).getString("typ"));
      assertEquals("ES256", IndependentJws.header(token).getString("alg"), "the client's ID token algorithm");
      Jwks.assertVerifies(base(), token);
      JsonObject claims = IndependentJws.payload(token);
      assertEquals(Fixtures.issuer(), claims.getString("iss"));
      assertEquals(BCL, claims.getString("aud"));
      assertEquals(sid, claims.getString("sid"));
      assertEquals(IndependentJws.payload(bcl.idToken()).getString("sub"), claims.getString("sub"));
      assertTrue(claims.getJsonObject("events").containsKey("http://schemas.openid.net/event/backchannel-logout"));
      assertFalse(claims.containsKey("nonce"), "§2.4: never a nonce");
      long iat = claims.getJsonNumber("iat").longValue();
      assertTrue(iat >= before - 1 && claims.getJsonNumber("exp").longValue() > iat);
      assertFalse(claims.getString("jti").isEmpty());
      assertNull(receiver.next(java.time.Duration.ofSeconds(3)),
          "one notification: it-oidc registered no back-channel URI, and it-bcl is told once");
      Map<String, Object> row = deliveryOnceFinished(sid);
      assertEquals(Boolean.TRUE, asBoolean(row.get("delivered")), row::toString);
      assertEquals(1, ((Number) row.get("attempts")).intValue());
    }
  }

  @Test
  void backchannelLogout_whenClientAnswersAnError_thenRetriedUntilDelivered() throws Exception {
    try (BackchannelReceiver receiver = new BackchannelReceiver(503)) {
      UserAgent agent = new UserAgent(base());
      Tokens bcl = tokens(agent, BCL, BCL_SECRET, BCL_REDIRECT, "openid");
      String sid = IndependentJws.payload(bcl.idToken()).getString("sid");
      assertEquals(200, agent.get("/oauth2/logout?id_token_hint=" + bcl.idToken()).statusCode());
      BackchannelReceiver.Received first = receiver.next(java.time.Duration.ofSeconds(20));
      assertNotNull(first, "first attempt");
      BackchannelReceiver.Received second = receiver.next(java.time.Duration.ofSeconds(30));
      assertNotNull(second, "retried after the 503");
      assertNotEquals(IndependentJws.payload(first.logoutToken()).getString("jti"),
          IndependentJws.payload(second.logoutToken()).getString("jti"), "a fresh logout token per attempt");
      // The receiver answered before the server recorded the outcome: wait for the row to say so.
      Map<String, Object> row = deliveryOnceFinished(sid);
      assertEquals(Boolean.TRUE, asBoolean(row.get("delivered")), row::toString);
      assertEquals(2, ((Number) row.get("attempts")).intValue());
    }
  }

  @Test
  void backchannelLogout_whenOneClientIsABlackHole_thenAnotherClientsNotificationArrivesWhileItHangs()
      throws Exception {
    try (BackchannelReceiver receiver = new BackchannelReceiver(); BlackHole hole = new BlackHole()) {
      String stuckClient = "it-black-hole-" + UUID.randomUUID();
      String stuckSecret = registerClient(stuckClient, hole.uri("/backchannel"));
      UserAgent first = new UserAgent(base());
      Tokens stuck = tokens(first, stuckClient, stuckSecret, BLACK_HOLE_REDIRECT, "openid");
      UserAgent second = new UserAgent(base());
      Tokens working = tokens(second, BCL, BCL_SECRET, BCL_REDIRECT, "openid");
      String workingSid = IndependentJws.payload(working.idToken()).getString("sid");

      assertEquals(200, first.get("/oauth2/logout?id_token_hint=" + stuck.idToken()).statusCode());
      BlackHole.Connection held = hole.next(java.time.Duration.ofSeconds(20));
      assertNotNull(held, "the black hole's notification is on the wire");
      assertEquals(200, second.get("/oauth2/logout?id_token_hint=" + working.idToken()).statusCode());
      BackchannelReceiver.Received got = receiver.next(java.time.Duration.ofSeconds(20));

      assertNotNull(got, "the working client was told");
      assertEquals(workingSid, IndependentJws.payload(got.logoutToken()).getString("sid"));
      assertTrue(held.isOpen(), "told while the black hole still held its connection: sent in parallel, not after it");
    }
  }

  private static final String BLACK_HOLE_REDIRECT = "http://127.0.0.1:9/black-hole-callback";

  /** Registers a client through the admin API with its back-channel logout URI; returns its secret. */
  private String registerClient(String clientId, String backchannelUri) {
    return AdminClients.registerRelyingParty(base(), clientId, BLACK_HOLE_REDIRECT, List.of(), backchannelUri);
  }

  /** The outbox row of the session once the server has recorded how its delivery finished (at most 20 s). */
  private static Map<String, Object> deliveryOnceFinished(String sid) throws InterruptedException {
    for (int i = 0; ; i++) {
      Map<String, Object> row = Database.rows("SELECT delivered, attempts, finished_at FROM " + Database.PREFIX
          + "logout_deliveries WHERE sid = ?", sid).get(0);
      if (row.get("finished_at") != null || i == 200) {
        return row;
      }
      Thread.sleep(100);
    }
  }

  private static Boolean asBoolean(Object column) {
    return column instanceof Boolean b ? b : ((Number) column).intValue() != 0;
  }

}
