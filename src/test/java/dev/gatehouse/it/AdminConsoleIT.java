package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console (issue 5) in the real browser, Debian's headless Chromium, and over plain HTTP where a status
 * code, a header or a forged request is the point: who may use it, a client created with the keyboard alone and its
 * secret shown once, form errors next to their fields, secret rotation, sessions ended, users created and disabled,
 * CSRF, and the console in Chinese.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleIT {
  /**
   * it-bootstrap.json: an administrator (role gatehouse-admin) and a user without the role. Whatever a test creates
   * or changes carries a name of its own ({@link #unique}), so that the tests also pass on a database kept from an
   * earlier run (the embedded H2 one).
   */
  static final String ADMIN = "console-admin";
  static final String ADMIN_PASSWORD = "console-admin-password-1";
  static final String USER = "console-user";
  static final String USER_PASSWORD = "console-user-password-1";
  /** The password of the users the tests create. */
  static final String PASSWORD = "created-in-the-console-1";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @Test
  void console_whenAnAdminCreatesAClientWithTheKeyboardOnly_thenItsSecretIsShownOnceAndWorks() throws IOException {
    try (Chromium chromium = Chromium.open()) {
      WebDriver browser = signedIn(chromium, "/admin/", "new-client");
      assertEquals(Fixtures.issuer() + "/admin/clients", browser.getCurrentUrl());

      press(tabTo(browser, "new-client"), Keys.ENTER);
      waitFor(browser, "client-form");
      String clientId = unique("console-keyboard");
      tabTo(browser, "f-client_id").sendKeys(clientId);
      press(browser, Keys.TAB);
      tabTo(browser, "f-client_name").sendKeys("Keyboard-made service");
      press(tabTo(browser, "f-grant_types-0"), Keys.SPACE); // authorization_code, checked by default: off
      press(tabTo(browser, "f-grant_types-2"), Keys.SPACE); // client_credentials: on
      WebElement scope = tabTo(browser, "f-scope");
      scope.sendKeys("read");
      press(scope, Keys.ENTER);

      waitFor(browser, "new-secret");
      assertTrue(browser.getCurrentUrl().startsWith(Fixtures.issuer() + "/admin/clients/show?id="));
      // The one-time notice and secret came in Gatehouse's own sealed cookie, which the page that showed them
      // removed; no container session was made for them (CookieAttributesIT reads the raw attributes).
      assertNull(browser.manage().getCookieNamed("GATEHOUSE_CONSOLE_NOTE"), "removed by the page that showed it");
      assertNull(browser.manage().getCookieNamed("GATEHOUSE_SESSION"));
      assertNull(browser.manage().getCookieNamed("JSESSIONID"));
      assertEquals(clientId, browser.findElement(By.id("client-id")).getText());
      assertTrue(browser.findElement(By.id("secret-warning")).isDisplayed());
      String secret = browser.findElement(By.id("new-secret")).getAttribute("value");
      assertTrue(secret.length() >= 43, "256 random bits");

      TokenClient.Answer token = clientCredentials(clientId, secret);
      assertEquals(200, token.status(), token.json()::toString);
      assertEquals("read", token.string("scope"));

      browser.navigate().refresh();
      waitFor(browser, "client-id");
      assertTrue(browser.findElements(By.id("new-secret")).isEmpty(), "the secret is shown once only");

      press(tabTo(browser, "nav-clients"), Keys.ENTER);
      waitFor(browser, "clients");
      assertTrue(browser.findElement(By.id("clients")).getText().contains(clientId));
    }
  }

  @Test
  void rfc7591_2_whenARedirectUriHasAFragment_thenTheErrorIsNextToTheFieldAndTheInputIsKept() throws IOException {
    try (Chromium chromium = Chromium.open()) {
      WebDriver browser = signedIn(chromium, "/admin/clients/new", "client-form");
      browser.findElement(By.id("f-client_id")).sendKeys("console-bad-redirect");
      browser.findElement(By.id("f-client_name")).sendKeys("Kept name");
      browser.findElement(By.id("f-redirect_uris")).sendKeys("https://app.example.com/cb#fragment");
      browser.findElement(By.id("f-scope")).sendKeys("openid read");
      browser.findElement(By.id("save")).click();

      waitFor(browser, "error-summary");
      WebElement summaryLink = browser.findElement(By.cssSelector("#error-summary a"));
      assertEquals("#f-redirect_uris", summaryLink.getDomAttribute("href"));
      WebElement field = browser.findElement(By.id("f-redirect_uris"));
      assertEquals("true", field.getAttribute("aria-invalid"));
      assertTrue(field.getAttribute("aria-describedby").contains("f-redirect_uris-error"));
      assertTrue(browser.findElement(By.id("f-redirect_uris-error")).isDisplayed());
      assertEquals("https://app.example.com/cb#fragment", field.getAttribute("value"), "input kept");
      assertEquals("Kept name", browser.findElement(By.id("f-client_name")).getAttribute("value"));
      assertEquals("openid read", browser.findElement(By.id("f-scope")).getAttribute("value"));
      assertEquals("console-bad-redirect", browser.findElement(By.id("f-client_id")).getAttribute("value"));
      assertEquals(404, admin().get("/admin/clients/show?id=console-bad-redirect").statusCode(), "not created");
    }
  }

  @Test
  void rfc6749_2_3_1_whenTheSecretIsRotated_thenTheOldOneFailsAndTheNewOneWorks() throws IOException {
    try (Chromium chromium = Chromium.open()) {
      WebDriver browser = signedIn(chromium, "/admin/clients/new", "client-form");
      String clientId = unique("console-rotated");
      browser.findElement(By.id("f-client_id")).sendKeys(clientId);
      browser.findElement(By.id("f-grant_types-0")).click();
      browser.findElement(By.id("f-grant_types-2")).click();
      browser.findElement(By.id("f-scope")).sendKeys("read");
      browser.findElement(By.id("save")).click();
      String old = waitFor(browser, "new-secret").getAttribute("value");
      assertEquals(200, clientCredentials(clientId, old).status());

      browser.findElement(By.id("rotate-secret")).click();
      waitFor(browser, "confirm-explain");
      browser.findElement(By.id("confirm")).click();
      String rotated = waitFor(browser, "new-secret").getAttribute("value");
      assertNotEquals(old, rotated);

      TokenClient.Answer withOld = clientCredentials(clientId, old);
      assertEquals(401, withOld.status());
      assertEquals("invalid_client", withOld.error());
      assertEquals(200, clientCredentials(clientId, rotated).status());
    }
  }

  @Test
  void console_whenAnAdminSetsAnAccessPolicyAndFirstParty_thenTheyAreShownAndAUserWithoutTheRoleIsRefused()
      throws IOException {
    String clientId = unique("console-policy");
    String redirect = "http://127.0.0.1:9/console-policy";
    try (Chromium chromium = Chromium.open()) {
      WebDriver browser = signedIn(chromium, "/admin/clients/new", "client-form");
      browser.findElement(By.id("f-client_id")).sendKeys(clientId);
      browser.findElement(By.id("f-redirect_uris")).sendKeys(redirect);
      browser.findElement(By.id("f-scope")).sendKeys("openid read");
      browser.findElement(By.id("f-allowed_roles")).sendKeys("it-staff\nnot a role");
      browser.findElement(By.id("f-allowed_groups")).sendKeys("Finance Team");
      browser.findElement(By.id("f-first_party")).click();
      browser.findElement(By.id("save")).click();

      waitFor(browser, "error-summary");
      assertEquals("#f-allowed_roles", browser.findElement(By.cssSelector("#error-summary a"))
          .getDomAttribute("href"));
      assertTrue(browser.findElement(By.id("f-allowed_roles-error")).isDisplayed());
      assertEquals("Finance Team", browser.findElement(By.id("f-allowed_groups")).getAttribute("value"),
          "input kept");
      assertTrue(browser.findElement(By.id("f-first_party")).isSelected(), "input kept");
      WebElement roles = browser.findElement(By.id("f-allowed_roles"));
      roles.clear();
      roles.sendKeys("it-staff\nit-ops");
      browser.findElement(By.id("save")).click();

      waitFor(browser, "new-secret");
      assertEquals(List.of("it-ops", "it-staff"), browser.findElements(By.cssSelector("#allowed-roles li")).stream()
          .map(WebElement::getText).toList());
      assertEquals("Finance Team", browser.findElement(By.id("allowed-groups")).getText());
      assertEquals("Yes", browser.findElement(By.id("first-party")).getText());
    }
    UserAgent user = new UserAgent(base());
    Map<String, String> params = Fixtures.authorizeParams(clientId, redirect, "openid read", Pkce.create(), "s-1");
    HttpResponse<String> back = user.signIn(user.authorize(params), USER, USER_PASSWORD);
    Map<String, String> query = Fixtures.query(URI.create(UserAgent.location(back)));
    assertEquals("access_denied", query.get("error"), "console-user holds neither role: " + query);
    assertEquals("s-1", query.get("state"));
    assertFalse(query.containsKey("code"));
  }

  @Test
  void console_whenAnAdminEndsAUsersSession_thenItsCookieNoLongerSignsInSilently() throws IOException {
    String username = unique("console-session");
    createUser(admin(), username, "");
    UserAgent user = new UserAgent(base());
    Map<String, String> authorize = Fixtures.authorizeParams(Fixtures.BASIC, Fixtures.BASIC_REDIRECT, "read",
        Pkce.create(), "s1");
    user.authorizeAndAllow(authorize, username, PASSWORD);
    assertFalse(UserAgent.isRedirectTo(user.authorize(authorize), "/login"), "signed in: no sign-in page");

    try (Chromium chromium = Chromium.open()) {
      WebDriver browser = signedIn(chromium, "/admin/users?q=" + username, "users");
      browser.findElement(By.linkText(username)).click();
      waitFor(browser, "tab-user-sessions").click();
      WebElement sessions = waitFor(browser, "sessions");
      assertTrue(sessions.getText().contains(Fixtures.BASIC), "the session signed in to it-basic");
      assertEquals(1, sessions.findElements(By.cssSelector("tbody tr")).size());
      sessions.findElement(By.cssSelector("tbody button")).click();
      waitFor(browser, "notice");
      assertFalse(browser.findElements(By.id("no-sessions")).isEmpty(), "no session left");
    }
    assertTrue(UserAgent.isRedirectTo(user.authorize(authorize), "/login"), "the ended session signs no one in");
  }

  @Test
  void console_whenSignedOut_thenTheSignInPageAndBackToThePageAsked() {
    UserAgent agent = new UserAgent(base());
    assertEquals("/admin/sign-in?next=%2Fadmin%2Fusers%3Fq%3Dx", seeOther(agent.get("/admin/users?q=x")));
    HttpResponse<String> signedIn = consoleSignIn(agent, ADMIN, ADMIN_PASSWORD, "/admin/users?q=x");
    assertEquals("/admin/users?q=x", seeOther(signedIn));
    assertEquals(200, agent.get("/admin/users?q=x").statusCode());
    assertEquals("/admin/clients", seeOther(agent.get("/admin/sign-in?next=%2Fadmin%2Fclients")),
        "an administrator already signed in goes on at once");
  }

  @Test
  void console_whenSignedInWithoutTheAdminRole_thenForbidden() {
    UserAgent user = new UserAgent(base());
    assertEquals("/admin/clients", seeOther(consoleSignIn(user, USER, USER_PASSWORD, "/admin/clients")));
    HttpResponse<String> page = user.get("/admin/clients");
    assertEquals(403, page.statusCode());
    assertTrue(page.body().contains("id=\"refused\""), page.body());
    assertEquals(403, user.get("/admin/users").statusCode());
  }

  @Test
  void console_whenAnAdminLosesTheRole_thenTheNextRequestIsForbidden() {
    UserAgent admin = admin();
    String username = unique("console-demoted");
    String subject = createUser(admin, username, "gatehouse-admin");
    UserAgent demoted = new UserAgent(base());
    seeOther(consoleSignIn(demoted, username, PASSWORD, "/admin/clients"));
    assertEquals(200, demoted.get("/admin/clients").statusCode());

    Map<String, String> form = UserAgent.csrfField(admin.get("/admin/users/edit?id=" + subject).body());
    form.put("username", username);
    form.put("roles", "");
    assertEquals("/admin/users/show?id=" + subject, seeOther(admin.postForm("/admin/users/edit?id=" + subject, form)));

    assertEquals(403, demoted.get("/admin/clients").statusCode(), "checked again on every request");
  }

  @Test
  void console_whenAnAdminIsDisabled_thenTheConsoleIsClosedToThemAtOnce() {
    UserAgent admin = admin();
    String username = unique("console-disabled");
    String subject = createUser(admin, username, "gatehouse-admin");
    UserAgent disabled = new UserAgent(base());
    seeOther(consoleSignIn(disabled, username, PASSWORD, "/admin/clients"));
    assertEquals(200, disabled.get("/admin/clients").statusCode());

    HttpResponse<String> confirm = admin.get("/admin/users/disable?id=" + subject);
    assertEquals(200, confirm.statusCode());
    assertEquals("/admin/users/show?id=" + subject,
        seeOther(admin.postForm("/admin/users/disable?id=" + subject, UserAgent.csrfField(confirm.body()))));

    assertTrue(seeOther(disabled.get("/admin/clients")).startsWith("/admin/sign-in?"), "its session ended");
    HttpResponse<String> again = consoleSignIn(disabled, username, PASSWORD, "/admin/");
    assertEquals(401, again.statusCode(), "a disabled user cannot sign in");
  }

  /** A person of the test directory that the test creates (and deletes), signed in once so that it has a row. */
  @Test
  void console_whenAUserComesFromTheDirectory_thenItCanBeDisabledAndEnabled_butItsProfileAndPasswordAreNotOffered()
      throws Exception {
    String uid = unique("console-directory");
    String password = "console-ldap-password-" + uid;
    LdapDirectoryIT.createPerson(uid, password);
    try {
      SignInPage.assertSignedIn(new SignInPage(base()).attempt(uid, password));
      disableAndEnableInTheConsole(uid, password);
    } finally {
      LdapDirectoryIT.deletePerson(uid);
    }
  }

  private void disableAndEnableInTheConsole(String username, String password) {
    String subject = subjectOf(username);
    UserAgent admin = admin();
    String shown = admin.get("/admin/users/show?id=" + subject).body();
    assertTrue(shown.contains("id=\"disable-user\""), shown);
    assertTrue(shown.contains("id=\"read-only\""), "the profile is the directory's");
    assertFalse(shown.contains("id=\"edit-user\"") || shown.contains("id=\"set-password\""), shown);

    HttpResponse<String> confirm = admin.get("/admin/users/disable?id=" + subject);
    assertEquals(200, confirm.statusCode());
    assertEquals("/admin/users/show?id=" + subject,
        seeOther(admin.postForm("/admin/users/disable?id=" + subject, UserAgent.csrfField(confirm.body()))));
    String disabled = admin.get("/admin/users/show?id=" + subject).body();
    try {
      assertTrue(disabled.contains("id=\"enable-user\""), disabled);
      assertEquals(401, consoleSignIn(new UserAgent(base()), username, password, "/admin/").statusCode(),
          "the directory accepts the password, Gatehouse refuses the user");
    } finally {
      assertEquals("/admin/users/show?id=" + subject,
          seeOther(admin.postForm("/admin/users/enable?id=" + subject, UserAgent.csrfField(disabled))));
    }
    SignInPage.assertSignedIn(new SignInPage(base()).attempt(username, password));
  }

  @Test
  void console_whenAnAdminCreatesAnAdminUser_thenThatUserCanUseTheConsole() throws IOException {
    String username = unique("console-made");
    try (Chromium chromium = Chromium.open()) {
      WebDriver browser = signedIn(chromium, "/admin/users/new", "user-form");
      browser.findElement(By.id("f-username")).sendKeys(username);
      browser.findElement(By.id("f-password")).sendKeys("short");
      browser.findElement(By.id("f-roles")).sendKeys("gatehouse-admin");
      browser.findElement(By.id("f-name")).sendKeys("Made In Console");
      browser.findElement(By.id("save")).click();
      waitFor(browser, "error-summary");
      assertTrue(browser.findElement(By.id("f-password-error")).isDisplayed(), "a password of 5 characters");
      assertEquals("Made In Console", browser.findElement(By.id("f-name")).getAttribute("value"));
      assertEquals("", browser.findElement(By.id("f-password")).getAttribute("value"), "never sent back");

      browser.findElement(By.id("f-password")).sendKeys("made-in-console-1");
      browser.findElement(By.id("save")).click();
      assertEquals(username, waitFor(browser, "user-username").getText());
      assertEquals("gatehouse-admin", browser.findElement(By.id("user-roles")).getText());
    }
    UserAgent made = new UserAgent(base());
    seeOther(consoleSignIn(made, username, "made-in-console-1", "/admin/"));
    assertEquals(200, made.get("/admin/users").statusCode());
  }

  @Test
  void console_whenAPostHasNoOrTheWrongCsrfToken_thenItIsRefusedAndNothingChanges() {
    UserAgent admin = admin();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", "console-csrf-less");
    form.put("grant_types", "client_credentials");
    HttpResponse<String> without = admin.postForm("/admin/clients/new", form);
    assertEquals(403, without.statusCode());
    assertTrue(without.body().contains("id=\"refused\""));
    form.put("csrf", "not-the-token-of-this-session");
    assertEquals(403, admin.postForm("/admin/clients/new", form).statusCode());
    assertEquals(404, admin.get("/admin/clients/show?id=console-csrf-less").statusCode(), "nothing created");

    UserAgent other = new UserAgent(base());
    other.get("/admin/sign-in");
    Map<String, String> signIn = new LinkedHashMap<>();
    signIn.put("username", ADMIN);
    signIn.put("password", ADMIN_PASSWORD);
    assertEquals(403, other.postForm("/admin/sign-in", signIn).statusCode(), "the sign-in form too");
    assertTrue(seeOther(other.get("/admin/clients")).startsWith("/admin/sign-in?"), "still signed out");
  }

  @Test
  void console_whenAPathLeadsThroughTheApiPrefixToAConsolePage_thenTheGateStillHolds() {
    UserAgent agent = new UserAgent(base());
    RawHttp.Response around = RawHttp.send(base(), "GET", "/admin/api/../users", List.of(), null);
    assertNotEquals(200, around.status(), around::body);
    assertFalse(around.body().contains("id=\"users\""), "no console page without a session");
    assertEquals(401, agent.get("/admin/api/users").statusCode(), "the API answers for itself, with a bearer challenge");
  }

  @Test
  void console_pagesAreNeitherCachedNorFramedAndRunNoScript() {
    HttpResponse<String> page = admin().get("/admin/clients");
    assertEquals(200, page.statusCode());
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
    assertFalse(page.body().contains("<script"), "no page needs JavaScript");
  }

  @Test
  void console_whenTheNextPageIsNotAConsolePage_thenBackToTheConsoleNotElsewhere() {
    UserAgent agent = new UserAgent(base());
    assertEquals("/admin/", seeOther(consoleSignIn(agent, ADMIN, ADMIN_PASSWORD, "//evil.example/admin/")));
    UserAgent other = new UserAgent(base());
    assertEquals("/admin/", seeOther(consoleSignIn(other, ADMIN, ADMIN_PASSWORD, "https://evil.example/")));
  }

  @Test
  void console_whenTheBrowserAsksForChinese_thenTheConsoleIsInChinese() throws IOException {
    try (Chromium chromium = Chromium.open("zh-CN")) {
      WebDriver browser = chromium.driver;
      browser.get(Fixtures.issuer() + "/admin/clients");
      waitFor(browser, "username");
      assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
      assertEquals("登录", browser.findElement(By.tagName("h1")).getText());
      signInWithKeyboard(browser, ADMIN, ADMIN_PASSWORD);
      waitFor(browser, "clients");
      assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
      assertEquals("客户端", browser.findElement(By.tagName("h1")).getText());
      assertEquals("用户", browser.findElement(By.id("nav-users")).getText());
      assertEquals("新建客户端", browser.findElement(By.id("new-client")).getText());
    }
  }

  @Test
  void oidcCore_3_1_2_1_whenUiLocalesAsksForChinese_thenTheConsolePageIsChinese() {
    HttpResponse<String> page = admin().get("/admin/users?ui_locales=zh-CN");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<html lang=\"zh-CN\">"), page.body());
    assertTrue(page.body().contains("<h1>用户</h1>"), page.body());
  }

  // ---- helpers

  private static URI base() {
    return URI.create(Fixtures.issuer());
  }

  /** An HTTP agent signed in to the console as {@link #ADMIN}. */
  private static UserAgent admin() {
    UserAgent agent = new UserAgent(base());
    assertEquals("/admin/", seeOther(consoleSignIn(agent, ADMIN, ADMIN_PASSWORD, "/admin/")));
    return agent;
  }

  /** Signs in at the console's own sign-in page; returns the answer to the form (a 303 on success). */
  static HttpResponse<String> consoleSignIn(UserAgent agent, String username, String password, String next) {
    HttpResponse<String> page = agent.get("/admin/sign-in?next=" + UserAgent.enc(next));
    assertEquals(200, page.statusCode(), page::body);
    Map<String, String> form = UserAgent.csrfField(page.body());
    form.put("username", username);
    form.put("password", password);
    form.put("next", next);
    return agent.postForm("/admin/sign-in", form);
  }

  /** The subject of the user with this username, from the admin API. */
  private static String subjectOf(String username) {
    ResourceEndpoints api = new ResourceEndpoints(base());
    String token = api.serviceToken(ResourceEndpoints.ClientAuth.basic("it-admin-automation",
        "it-admin-automation-secret-0123456789abcdefg"), "gatehouse:admin");
    HttpResponse<String> found = api.send(HttpRequest.newBuilder(
        base().resolve("/admin/api/users?q=" + UserAgent.enc(username))).header("Authorization", "Bearer " + token));
    assertEquals(200, found.statusCode(), found::body);
    return Json.createReader(new StringReader(found.body())).readObject().getJsonArray("items")
        .getValuesAs(JsonObject.class).stream().filter(u -> username.equals(u.getString("username")))
        .findFirst().orElseThrow(() -> new AssertionError(username + " not listed: " + found.body()))
        .getString("sub");
  }

  /** A name no earlier run used. */
  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates a user with {@link #PASSWORD} through the console's form; returns its subject identifier. */
  private static String createUser(UserAgent admin, String username, String roles) {
    Map<String, String> form = UserAgent.csrfField(admin.get("/admin/users/new").body());
    form.put("username", username);
    form.put("password", PASSWORD);
    form.put("roles", roles);
    String shown = seeOther(admin.postForm("/admin/users/new", form));
    assertTrue(shown.startsWith("/admin/users/show?id="), shown);
    return shown.substring("/admin/users/show?id=".length());
  }

  /** The path a 303 See Other (POST-redirect-GET, or the way to sign-in) sends the browser to, on this server. */
  static String seeOther(HttpResponse<String> response) {
    assertEquals(303, response.statusCode(), response::body);
    URI target = base().resolve(response.headers().firstValue("Location").orElseThrow());
    assertEquals(base().getAuthority(), target.getAuthority(), "a page of this server");
    return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
  }

  private static TokenClient.Answer clientCredentials(String clientId, String secret) {
    return new TokenClient(base()).post(Map.of("grant_type", "client_credentials"), clientId, secret);
  }

  /**
   * The browser sent to a console page: it signs in as {@link #ADMIN} on the way (with the keyboard), and arrives
   * once the element {@code id} is there.
   */
  private static WebDriver signedIn(Chromium chromium, String path, String id) {
    WebDriver browser = chromium.driver;
    browser.get(Fixtures.issuer() + path);
    signInWithKeyboard(browser, ADMIN, ADMIN_PASSWORD);
    waitFor(browser, id);
    return browser;
  }

  /** Signs in on the sign-in page with the keyboard only: type, Tab, type, Enter. */
  private static void signInWithKeyboard(WebDriver browser, String username, String password) {
    waitFor(browser, "username");
    tabTo(browser, "username").sendKeys(username);
    press(browser, Keys.TAB);
    WebElement field = tabTo(browser, "password");
    field.sendKeys(password);
    press(field, Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/admin/sign-in"));
  }

  /**
   * Presses Tab until the element with this id has the focus, at most 80 times: proves that it can be reached with
   * the keyboard, in the page's order. Returns the focused element.
   */
  private static WebElement tabTo(WebDriver browser, String id) {
    for (int i = 0; i < 80; i++) {
      WebElement active = browser.switchTo().activeElement();
      if (id.equals(active.getDomAttribute("id"))) {
        return active;
      }
      press(browser, Keys.TAB);
    }
    return fail("#" + id + " cannot be reached with the Tab key");
  }

  /** A key pressed wherever the focus is. */
  private static void press(WebDriver browser, Keys key) {
    new Actions(browser).sendKeys(key).perform();
  }

  /** A key pressed on the focused element (which must be {@code focused}). */
  private static void press(WebElement focused, Keys key) {
    focused.sendKeys(key);
  }

  private static WebElement waitFor(WebDriver browser, String id) {
    return new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
  }
}
