package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.BasicAttribute;
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
 * ({@code GATEHOUSE_IDENTITY_STORES=ldap,database}). Reads the users table (it-mariadb execution only) and changes one
 * directory entry (hedy's) as the directory's administrator.
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
}
