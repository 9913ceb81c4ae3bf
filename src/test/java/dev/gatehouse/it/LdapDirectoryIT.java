package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.oidc.IndependentJws;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.ModificationItem;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-in through a real OpenLDAP directory: the slapd that test-services.sh starts on loopback with
 * src/test/resources/ldap/directory.ldif, chained before the database store by the pom's failsafe settings
 * ({@code GATEHOUSE_IDENTITY_STORES=ldap,database}). Reads the users table (it-mariadb execution only) and changes the
 * directory as its administrator, putting back what it changed: hedy's entry, linus's membership of
 * gatehouse-admins, and entries it creates and deletes itself. After sign-in, refreshes and the administration look at
 * the directory again: a user gone from it, or out of the admin group, loses what it gave.
 */
@ExtendWith({MariaDbOnly.class, ArquillianExtension.class})
@RunAsClient
class LdapDirectoryIT {
  private static final String USERS = Database.PREFIX + "users";
  private static final String PEOPLE = "ou=staff,ou=people,dc=gatehouse,dc=test";
  private static final String ADA_PASSWORD = "ada-ldap-password-1";
  private static final String GRACE_PASSWORD = "grace-ldap-password-22";
  private static final String HEDY_PASSWORD = "hedy-ldap-password-333";
  private static final String ERIN_LDAP_PASSWORD = "erin-ldap-password-4444";
  /** erin of it-bootstrap.json: a database-store user with the name of a directory user. */
  private static final String ERIN_DATABASE_PASSWORD = "erin-database-password-5";
  private static final String OBRIEN = "o*(brien)";
  private static final String OBRIEN_PASSWORD = "obrien-ldap-password-5";
  private static final String LINUS_PASSWORD = "linus-ldap-password-77";
  private static final String KATHERINE_PASSWORD = "katherine-ldap-password-88";
  private static final String ADMINS = "cn=gatehouse-admins,ou=groups,dc=gatehouse,dc=test";
  /** GATEHOUSE_LDAP_ROLE_CACHE in the pom (PT1S), and a margin. */
  private static final long PAST_THE_ROLE_CACHE_MILLIS = 1_500;
  private static final String ADMIN_APP = "it-admin-app";
  private static final String ADMIN_APP_SECRET = "it-admin-app-secret-0123456789abcdefghijklm";
  private static final String ADMIN_APP_REDIRECT = "http://127.0.0.1:9/admin-callback";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private URI base() {
    return URI.create(url.toString());
  }

  /** The directory as its administrator (test-services.sh's root DN), to read entryUUIDs and change an entry. */
  private static DirContext directoryAdmin() throws NamingException {
    Hashtable<String, Object> env = new Hashtable<>();
    env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
    env.put(Context.PROVIDER_URL, System.getProperty("gatehouse.it.ldapUrl", "ldap://127.0.0.1:10389"));
    env.put(Context.SECURITY_AUTHENTICATION, "simple");
    env.put(Context.SECURITY_PRINCIPAL, "cn=admin,dc=gatehouse,dc=test");
    env.put(Context.SECURITY_CREDENTIALS, "it-ldap-root-password");
    return new InitialDirContext(env);
  }

  private static String entryUuid(String uid) throws NamingException {
    DirContext ctx = directoryAdmin();
    try {
      return (String) ctx.getAttributes("uid=" + uid + "," + PEOPLE, new String[] {"entryUUID"})
          .get("entryUUID").get();
    } finally {
      ctx.close();
    }
  }

  /** The users-table rows with this username. */
  private static List<Map<String, Object>> rows(String username) {
    return Database.rows("SELECT * FROM " + USERS + " WHERE username = ?", username);
  }

  private static Map<String, Object> row(String username) {
    List<Map<String, Object>> rows = rows(username);
    assertEquals(1, rows.size(), () -> "one row for " + username + ": " + rows);
    return rows.get(0);
  }

  /** A whole code flow of it-oidc with these scopes; returns the ID token's claims. */
  private JsonObject idTokenClaims(String username, String password, String scope) {
    Pkce pkce = Pkce.create();
    URI back = new UserAgent(base()).authorizeAndAllow(Fixtures.authorizeParams(Fixtures.OIDC, Fixtures.OIDC_REDIRECT,
        scope, pkce, UUID.randomUUID().toString()), username, password);
    String code = Fixtures.query(back).get("code");
    assertNotNull(code, () -> "no code in " + back);
    TokenClient.Answer answer = new TokenClient(base()).post(
        Fixtures.codeRedemption(code, Fixtures.OIDC_REDIRECT, pkce), Fixtures.OIDC, Fixtures.OIDC_SECRET);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    return IndependentJws.payload(answer.string("id_token"));
  }

  /** Tokens (access and refresh) from a whole code flow in a fresh browser. */
  private TokenClient.Answer tokens(UserAgent agent, String clientId, String secret, String redirect, String scope,
      String username, String password) {
    Pkce pkce = Pkce.create();
    String code = Flows.code(agent, clientId, redirect, scope, pkce, username, password);
    TokenClient.Answer answer = new TokenClient(base()).post(Fixtures.codeRedemption(code, redirect, pkce), clientId,
        secret);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    assertNotNull(answer.string("refresh_token"));
    return answer;
  }

  private TokenClient.Answer refresh(String refreshToken, String clientId, String secret) {
    return new TokenClient(base()).post(Fixtures.refresh(refreshToken, null), clientId, secret);
  }

  /** An admin API call with a bearer token; the status, and the body for the assertion message. */
  private HttpResponse<String> adminApi(String method, String path, String token) {
    return new ResourceEndpoints(base()).send(HttpRequest.newBuilder(base().resolve("/admin/api" + path))
        .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private String automationToken() {
    return new ResourceEndpoints(base()).serviceToken(
        ResourceEndpoints.ClientAuth.basic("it-admin-automation", "it-admin-automation-secret-0123456789abcdefg"),
        "gatehouse:admin");
  }

  private boolean active(String token) {
    TokenClient.Answer answer = new ResourceEndpoints(base()).introspect(token, null,
        ResourceEndpoints.ClientAuth.basic(ServiceFixtures.RS, ServiceFixtures.RS_SECRET));
    assertEquals(200, answer.status());
    return answer.json().getBoolean("active");
  }

  /** Adds or removes {@code dn} as a member of gatehouse-admins, as the directory's administrator. */
  private static void adminsMember(int operation, String dn) throws NamingException {
    membership(operation, ADMINS, dn);
  }

  /**
   * Creates a person under ou=staff with this password (stored as a salted SHA-1, {SSHA}, never in clear). A test that
   * creates one gives it a name of its own and deletes it again ({@link #deletePerson}); AdminConsoleIT does too, on
   * the embedded H2 database as well, whose users table outlives the run's fresh directory.
   */
  static void createPerson(String uid, String password) throws Exception {
    byte[] salt = new byte[8];
    new SecureRandom().nextBytes(salt);
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    sha1.update(password.getBytes(StandardCharsets.UTF_8));
    sha1.update(salt);
    byte[] digest = sha1.digest();
    byte[] hashAndSalt = Arrays.copyOf(digest, digest.length + salt.length);
    System.arraycopy(salt, 0, hashAndSalt, digest.length, salt.length);
    BasicAttributes attributes = new BasicAttributes(true);
    attributes.put(new BasicAttribute("objectClass", "inetOrgPerson"));
    attributes.put("uid", uid);
    attributes.put("cn", "Created " + uid);
    attributes.put("sn", "Created");
    attributes.put("userPassword", "{SSHA}" + Base64.getEncoder().encodeToString(hashAndSalt));
    DirContext ctx = directoryAdmin();
    try {
      ctx.createSubcontext("uid=" + uid + "," + PEOPLE, attributes).close();
    } finally {
      ctx.close();
    }
  }

  static void deletePerson(String uid) throws NamingException {
    DirContext ctx = directoryAdmin();
    try {
      ctx.destroySubcontext("uid=" + uid + "," + PEOPLE); // no error when already gone (JNDI's contract)
    } finally {
      ctx.close();
    }
  }

  @Test
  void ldap_whenADirectoryAdminLeavesTheAdminGroup_thenTheApiAndConsoleRefuseItWithinTheRoleCache_andARefreshKeepsNothing()
      throws Exception {
    TokenClient.Answer tokens = tokens(new UserAgent(base()), ADMIN_APP, ADMIN_APP_SECRET, ADMIN_APP_REDIRECT,
        "openid gatehouse:admin", "linus", LINUS_PASSWORD);
    String access = tokens.string("access_token");
    HttpResponse<String> allowed = adminApi("GET", "/users?limit=1", access);
    assertEquals(200, allowed.statusCode(), allowed::body);
    UserAgent console = new UserAgent(base());
    AdminConsoleIT.seeOther(AdminConsoleIT.consoleSignIn(console, "linus", LINUS_PASSWORD, "/admin/"));
    assertEquals(200, console.get("/admin/users").statusCode());

    String linus = "uid=linus," + PEOPLE;
    adminsMember(DirContext.REMOVE_ATTRIBUTE, linus);
    try {
      Thread.sleep(PAST_THE_ROLE_CACHE_MILLIS);
      assertEquals(403, adminApi("GET", "/users?limit=1", access).statusCode(), "the same, fresh, access token");
      assertEquals(403, console.get("/admin/users").statusCode(), "the same console session");

      TokenClient.Answer refreshed = refresh(tokens.string("refresh_token"), ADMIN_APP, ADMIN_APP_SECRET);
      assertEquals(200, refreshed.status(), () -> refreshed.json().toString());
      assertEquals(403, adminApi("GET", "/users?limit=1", refreshed.string("access_token")).statusCode(),
          "a rotated refresh token brings no admin back");
      TokenClient.Answer again = refresh(refreshed.string("refresh_token"), ADMIN_APP, ADMIN_APP_SECRET);
      assertEquals(403, adminApi("GET", "/users?limit=1", again.string("access_token")).statusCode());
      assertEquals("", row("linus").get("roles"), "the refresh wrote the directory's roles to the row");
    } finally {
      adminsMember(DirContext.ADD_ATTRIBUTE, linus);
    }
  }

  @Test
  void rfc6749_5_2_whenADirectoryUserIsDeletedFromTheDirectory_thenItsRefreshIsInvalidGrant_andItsTokensRevoked()
      throws Exception {
    String uid = "leaver-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "leaver-ldap-password-" + uid;
    createPerson(uid, password);
    try {
      TokenClient.Answer tokens = tokens(new UserAgent(base()), Fixtures.BASIC, Fixtures.BASIC_SECRET,
          Fixtures.BASIC_REDIRECT, "read", uid, password);
      TokenClient.Answer first = refresh(tokens.string("refresh_token"), Fixtures.BASIC, Fixtures.BASIC_SECRET);
      assertEquals(200, first.status(), () -> first.json().toString());

      deletePerson(uid);

      TokenClient.Answer refused = refresh(first.string("refresh_token"), Fixtures.BASIC, Fixtures.BASIC_SECRET);
      assertEquals(400, refused.status());
      assertEquals("invalid_grant", refused.error());
      assertFalse(active(first.string("access_token")), "the grant and its tokens are revoked");
      assertEquals("invalid_grant",
          refresh(first.string("refresh_token"), Fixtures.BASIC, Fixtures.BASIC_SECRET).error());
    } finally {
      deletePerson(uid);
    }
  }

  @Test
  void whenAnOperatorDisablesADirectoryUser_thenItsSessionsEnd_itsRefreshFails_andEnabledItSignsInAgain() {
    UserAgent browser = new UserAgent(base());
    TokenClient.Answer tokens = tokens(browser, Fixtures.BASIC, Fixtures.BASIC_SECRET, Fixtures.BASIC_REDIRECT,
        "read", "katherine", KATHERINE_PASSWORD);
    String subject = (String) row("katherine").get("id");
    String operator = automationToken();
    assertEquals(1, Json.createReader(new StringReader(adminApi("GET", "/users/" + subject + "/sessions", operator)
        .body())).readObject().getInt("total"));

    HttpResponse<String> disabled = adminApi("POST", "/users/" + subject + "/disable", operator);
    try {
      assertEquals(200, disabled.statusCode(), disabled::body);
      TokenClient.Answer refused = refresh(tokens.string("refresh_token"), Fixtures.BASIC, Fixtures.BASIC_SECRET);
      assertEquals("invalid_grant", refused.error());
      assertFalse(active(tokens.string("access_token")));
      assertEquals(0, Json.createReader(new StringReader(adminApi("GET", "/users/" + subject + "/sessions",
          operator).body())).readObject().getInt("total"), "its SSO sessions ended");
      assertTrue(UserAgent.isRedirectTo(browser.authorize(Fixtures.authorizeParams(Fixtures.BASIC,
          Fixtures.BASIC_REDIRECT, "read", Pkce.create(), "s")), "/login"),
          "the browser's session no longer signs in silently");
      UserAgent.failurePage(new SignInPage(base()).attempt("katherine", KATHERINE_PASSWORD));
    } finally {
      assertEquals(200, adminApi("POST", "/users/" + subject + "/enable", operator).statusCode());
    }
    SignInPage.assertSignedIn(new SignInPage(base()).attempt("katherine", KATHERINE_PASSWORD));
  }

  @Test
  void ldap_whenADirectoryUserSignsInInTheRealBrowser_thenTheIdTokensClaimsComeFromTheDirectory() throws Exception {
    try (Chromium chromium = Chromium.open()) {
      WebDriver browser = chromium.driver;
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.get(Fixtures.issuer() + "/demo/start?prompt=consent");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
      browser.findElement(By.id("username")).sendKeys("ada");
      browser.findElement(By.id("password")).sendKeys(ADA_PASSWORD);
      browser.findElement(By.id("sign-in")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.id("allow"))).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token-response")));
      assertEquals("200", browser.findElement(By.id("token-status")).getText());
      JsonObject tokens = Json.createReader(
          new StringReader(browser.findElement(By.id("token-response")).getText())).readObject();
      JsonObject claims = IndependentJws.payload(tokens.getString("id_token"));

      Map<String, Object> ada = row("ada");
      assertEquals("ldap", ada.get("source"));
      assertEquals(entryUuid("ada"), ada.get("external_id"));
      assertNull(ada.get("password_hash"), "the directory keeps the password");
      assertEquals(ada.get("id"), claims.getString("sub"), "sub is the users row's id");
      assertEquals("ada", claims.getString("preferred_username"));
      assertEquals("Ada Lovelace", claims.getString("name"));
      assertEquals("Ada", claims.getString("given_name"));
      assertEquals("Lovelace", claims.getString("family_name"));
      assertEquals("ada@gatehouse.test", claims.getString("email"));
      assertEquals("en-GB", claims.getString("locale"));
    }
  }

  @Test
  void ldap_whenAGroupIsMappedToARole_thenTheUsersRowHoldsIt_andAnUnmappedGroupGivesNone() {
    SignInPage.assertSignedIn(new SignInPage(base()).attempt("ada", ADA_PASSWORD));
    assertEquals("gatehouse-admin", row("ada").get("roles"));
    SignInPage.assertSignedIn(new SignInPage(base()).attempt("grace", GRACE_PASSWORD));
    assertEquals("", row("grace").get("roles"), "engineering maps to no role");
  }

  @Test
  void ldap_whenWrongPasswordOrUnknownUser_thenTheSameFailurePage() {
    SignInPage page = new SignInPage(base());
    String wrongPassword = UserAgent.failurePage(page.attempt("grace", "not-" + GRACE_PASSWORD));
    String unknownUser = UserAgent.failurePage(page.attempt("nobody-" + UUID.randomUUID(), GRACE_PASSWORD));
    assertEquals(wrongPassword, unknownUser);
    SignInPage.assertSignedIn(page.attempt("grace", GRACE_PASSWORD)); // resets grace's failure counter for other tests
  }

  @Test
  void rfc4515_3_whenTheUsernameIsAFilter_thenNobodySignsIn_andANameWithFilterCharactersIsJustAName() {
    SignInPage page = new SignInPage(base());
    String refused = UserAgent.failurePage(page.attempt("grace", "not-" + GRACE_PASSWORD));
    for (String injection : List.of("*)(uid=*", "*", "ada)(|(uid=*", "ad*")) {
      assertEquals(refused, UserAgent.failurePage(page.attempt(injection, ADA_PASSWORD)), injection);
    }
    SignInPage.assertSignedIn(page.attempt("grace", GRACE_PASSWORD));
    // uid=o*(brien): found by its escaped name, and its DN escaped in the group filter gives its role.
    SignInPage.assertSignedIn(new SignInPage(base()).attempt(OBRIEN, OBRIEN_PASSWORD));
    assertEquals("gatehouse-admin", row(OBRIEN).get("roles"));
  }

  @Test
  void ldap_whenTwoEntriesHaveTheUsername_thenNeitherSignsIn() {
    SignInPage page = new SignInPage(base());
    UserAgent.failurePage(page.attempt("twin", "twin-ldap-password-66"));
    assertTrue(rows("twin").isEmpty());
  }

  @Test
  void chain_whenAUsernameIsInBothStores_thenTheFirstConfiguredStoreDecides_andNothingIsMerged() {
    Map<String, Object> before = row("erin");
    SignInPage page = new SignInPage(base());
    // ldap comes first: the directory has erin, so the database's password is not even tried...
    UserAgent.failurePage(page.attempt("erin", ERIN_DATABASE_PASSWORD));
    // ...and the directory's erin, a different person, does not get the database erin's row.
    UserAgent.failurePage(page.attempt("erin", ERIN_LDAP_PASSWORD));
    assertEquals(before, row("erin"));
    assertEquals("database", before.get("source"));
    assertNull(before.get("external_id"));
  }

  @Test
  void chain_whenOnlyTheDatabaseStoreHasTheUser_thenItSignsInAfterTheDirectory() {
    SignInPage.assertSignedIn(new SignInPage(base()).attempt(Fixtures.ALICE, Fixtures.ALICE_PASSWORD));
    assertEquals("database", row(Fixtures.ALICE).get("source"));
  }

  @Test
  void oidcCore_5_1_whenADirectoryAttributeChanges_thenTheNextSignInCarriesIt_andUpdatedAtMovesOnlyThen()
      throws Exception {
    String scope = "openid profile email phone";
    JsonObject first = idTokenClaims("hedy", HEDY_PASSWORD, scope);
    assertEquals("hedy@gatehouse.test", first.getString("email"));
    long updatedAt = ((Number) row("hedy").get("updated_at")).longValue();

    idTokenClaims("hedy", HEDY_PASSWORD, scope);
    assertEquals(updatedAt, ((Number) row("hedy").get("updated_at")).longValue(), "nothing changed");

    String mail = "hedy." + UUID.randomUUID() + "@gatehouse.test";
    DirContext ctx = directoryAdmin();
    try {
      ctx.modifyAttributes("uid=hedy," + PEOPLE, new ModificationItem[] {
          new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("mail", mail)),
          new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("telephoneNumber", "+1 555 0199"))});
    } finally {
      ctx.close();
    }
    JsonObject changed = idTokenClaims("hedy", HEDY_PASSWORD, scope);
    assertEquals(mail, changed.getString("email"));
    assertEquals("+1 555 0199", changed.getString("phone_number"));
    assertEquals(first.getString("sub"), changed.getString("sub"));
    assertNotEquals(updatedAt, ((Number) row("hedy").get("updated_at")).longValue());
  }

  // --- The groups and roles claims: margaret is in platform, which nests in engineering, release-managers (the role
  // release-manager) and the cycle-a/cycle-b cycle (directory.ldif). -------------------------------------------------

  private static final String MARGARET_PASSWORD = "margaret-ldap-password-99";
  private static final String PLATFORM = "cn=platform,ou=groups,dc=gatehouse,dc=test";
  private static final String CLAIMS = "it-claims";
  private static final String CLAIMS_SECRET = "it-claims-secret-0123456789abcdefghijklmnop";
  private static final String CLAIMS_REDIRECT = "http://127.0.0.1:9/claims-callback";
  private static final String RENAMED = "it-claims-renamed";
  private static final String RENAMED_SECRET = "it-claims-renamed-secret-0123456789abcdefgh";
  private static final String RENAMED_REDIRECT = "http://127.0.0.1:9/claims-renamed-callback";
  private static final String ROLE_URI = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
  private static final List<String> MARGARETS_GROUPS =
      List.of("cycle-a", "cycle-b", "engineering", "platform", "release-managers");
  private static final List<String> MARGARETS_ROLES = List.of("release-manager");

  /** What each of the four places says about margaret: the ID token, the access token (if a JWT), UserInfo, introspection. */
  private record Described(JsonObject idToken, JsonObject accessToken, JsonObject userInfo, JsonObject introspection) {}

  private Described describe(TokenClient.Answer tokens, String clientId, String secret) {
    String accessToken = tokens.string("access_token");
    HttpResponse<String> userInfo = new ResourceEndpoints(base()).userinfo("GET", "Bearer " + accessToken);
    assertEquals(200, userInfo.statusCode(), userInfo::body);
    TokenClient.Answer introspection = new ResourceEndpoints(base()).introspect(accessToken, null,
        ResourceEndpoints.ClientAuth.basic(clientId, secret));
    assertEquals(200, introspection.status());
    assertTrue(introspection.json().getBoolean("active"), () -> introspection.json().toString());
    return new Described(IndependentJws.payload(tokens.string("id_token")),
        accessToken.indexOf('.') < 0 ? null : IndependentJws.payload(accessToken),
        Json.createReader(new StringReader(userInfo.body())).readObject(), introspection.json());
  }

  private static List<String> strings(JsonObject json, String claim) {
    assertTrue(json.containsKey(claim), () -> claim + " in " + json);
    return json.getJsonArray(claim).getValuesAs(jakarta.json.JsonString::getString);
  }

  private static List<JsonObject> all(Described d) {
    return d.accessToken() == null ? List.of(d.idToken(), d.userInfo(), d.introspection())
        : List.of(d.idToken(), d.accessToken(), d.userInfo(), d.introspection());
  }

  @Test
  void claims_whenTheScopesAskForGroupsAndRoles_thenTheIdTokenJwtAccessTokenUserInfoAndIntrospectionCarryThem() {
    Described d = describe(tokens(new UserAgent(base()), CLAIMS, CLAIMS_SECRET, CLAIMS_REDIRECT,
        "openid groups roles", "margaret", MARGARET_PASSWORD), CLAIMS, CLAIMS_SECRET);
    assertNotNull(d.accessToken(), "it-claims has JWT access tokens (RFC 9068)");
    for (JsonObject place : all(d)) {
      assertEquals(MARGARETS_GROUPS, strings(place, "groups"), "nested groups resolved, the cycle once: " + place);
      assertEquals(MARGARETS_ROLES, strings(place, "roles"), "the role of a group she is in through platform");
    }
  }

  @Test
  void claims_whenTheScopesDoNotAskForThem_thenNoPlaceCarriesThem() {
    Described d = describe(tokens(new UserAgent(base()), CLAIMS, CLAIMS_SECRET, CLAIMS_REDIRECT, "openid profile",
        "margaret", MARGARET_PASSWORD), CLAIMS, CLAIMS_SECRET);
    for (JsonObject place : all(d)) {
      assertFalse(place.containsKey("groups"), place::toString);
      assertFalse(place.containsKey("roles"), place::toString);
    }
    assertEquals("margaret", d.idToken().getString("preferred_username"), "the profile scope still works");
  }

  @Test
  void claims_whenTheClientNamedTheClaimsItself_thenEveryPlaceUsesItsNames_opaqueTokensToo() {
    Described d = describe(tokens(new UserAgent(base()), RENAMED, RENAMED_SECRET, RENAMED_REDIRECT,
        "openid groups roles", "margaret", MARGARET_PASSWORD), RENAMED, RENAMED_SECRET);
    assertNull(d.accessToken(), "it-claims-renamed has opaque access tokens");
    for (JsonObject place : all(d)) {
      assertEquals(MARGARETS_GROUPS, strings(place, "memberOf"));
      assertEquals(MARGARETS_ROLES, strings(place, ROLE_URI));
      assertFalse(place.containsKey("groups"), place::toString);
      assertFalse(place.containsKey("roles"), place::toString);
    }
    // A resource server sees the names of the client the token was issued to, as in that client's JWTs.
    String groupsOnly = tokens(new UserAgent(base()), RENAMED, RENAMED_SECRET, RENAMED_REDIRECT, "openid groups",
        "margaret", MARGARET_PASSWORD).string("access_token");
    TokenClient.Answer asResourceServer = new ResourceEndpoints(base()).introspect(groupsOnly, null,
        ResourceEndpoints.ClientAuth.basic(ServiceFixtures.RS, ServiceFixtures.RS_SECRET));
    assertEquals(MARGARETS_GROUPS, strings(asResourceServer.json(), "memberOf"));
    assertFalse(asResourceServer.json().containsKey(ROLE_URI), "no roles scope, no roles claim");
  }

  @Test
  void claims_whenTheUserLeavesAGroupInTheDirectory_thenTheNextRefreshCarriesNeitherItNorWhatItNestedIn()
      throws Exception {
    TokenClient.Answer first = tokens(new UserAgent(base()), CLAIMS, CLAIMS_SECRET, CLAIMS_REDIRECT,
        "openid groups roles", "margaret", MARGARET_PASSWORD);
    assertEquals(MARGARETS_GROUPS, strings(IndependentJws.payload(first.string("access_token")), "groups"));
    membership(DirContext.REMOVE_ATTRIBUTE, PLATFORM, "uid=margaret," + PEOPLE);
    try {
      TokenClient.Answer refreshed = refresh(first.string("refresh_token"), CLAIMS, CLAIMS_SECRET);
      assertEquals(200, refreshed.status(), () -> refreshed.json().toString());
      Described d = describe(refreshed, CLAIMS, CLAIMS_SECRET);
      for (JsonObject place : all(d)) {
        assertEquals(List.of(), strings(place, "groups"), "the refresh asked the directory: " + place);
        assertEquals(List.of(), strings(place, "roles"), "and the role went with the group it came from");
      }
      // The access token of the sign-in is a JWT: it says what it said until it expires; introspection says now.
      assertEquals(MARGARETS_GROUPS, strings(IndependentJws.payload(first.string("access_token")), "groups"));
      TokenClient.Answer before = new ResourceEndpoints(base()).introspect(first.string("access_token"), null,
          ResourceEndpoints.ClientAuth.basic(CLAIMS, CLAIMS_SECRET));
      assertEquals(List.of(), strings(before.json(), "groups"));
    } finally {
      membership(DirContext.ADD_ATTRIBUTE, PLATFORM, "uid=margaret," + PEOPLE);
    }
    TokenClient.Answer back = tokens(new UserAgent(base()), CLAIMS, CLAIMS_SECRET, CLAIMS_REDIRECT, "openid groups",
        "margaret", MARGARET_PASSWORD);
    assertEquals(MARGARETS_GROUPS, strings(IndependentJws.payload(back.string("id_token")), "groups"),
        "back in platform, back in all five at the next sign-in");
  }

  /** Adds or removes {@code member} as a member of {@code group}, as the directory's administrator. */
  private static void membership(int operation, String group, String member) throws NamingException {
    DirContext ctx = directoryAdmin();
    try {
      ctx.modifyAttributes(group, new ModificationItem[] {
          new ModificationItem(operation, new BasicAttribute("member", member))});
    } finally {
      ctx.close();
    }
  }
}
