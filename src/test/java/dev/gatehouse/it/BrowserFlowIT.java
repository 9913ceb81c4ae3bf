package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.oidc.IndependentJws;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's promise, in a real browser (Debian's headless Chromium): open the front page, start the demo, sign in,
 * allow, and arrive at the demo client's callback holding tokens.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserFlowIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  private Chromium chromium;
  private WebDriver browser;

  @BeforeEach
  void openBrowser() throws IOException {
    chromium = Chromium.open();
    browser = chromium.driver;
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void rfc6749_4_1_whenUserSignsInAndAllowsInTheBrowser_thenDemoClientReceivesTokens() throws IOException {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(Fixtures.issuer() + "/");
    String start = browser.findElement(By.id("demo-start")).getAttribute("href");
    assertTrue(start.endsWith("/demo/start"), start);
    // prompt=consent: the consent page shows even when an earlier run already allowed this client.
    browser.get(start + "?prompt=consent");

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertTrue(browser.getCurrentUrl().startsWith(Fixtures.issuer() + "/login?"), browser.getCurrentUrl());
    browser.findElement(By.id("username")).sendKeys("demo");
    browser.findElement(By.id("password")).sendKeys(demoPassword());
    browser.findElement(By.id("sign-in")).click();

    wait.until(ExpectedConditions.elementToBeClickable(By.id("allow")));
    assertTrue(browser.getPageSource().contains("Gatehouse demo client"), "the consent page names the client");
    browser.findElement(By.id("allow")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token-response")));
    assertTrue(browser.getCurrentUrl().startsWith(Fixtures.issuer() + "/demo/callback?"), browser.getCurrentUrl());
    assertEquals("200", browser.findElement(By.id("token-status")).getText());
    JsonObject tokens = Json.createReader(
        new StringReader(browser.findElement(By.id("token-response")).getText())).readObject();
    assertEquals("Bearer", tokens.getString("token_type"));
    assertTrue(tokens.getString("access_token").length() >= 43);
    assertTrue(tokens.containsKey("refresh_token"));
    assertEquals("email openid profile", tokens.getString("scope"));
    assertTrue(tokens.getString("id_token").split("\\.").length == 3, "an OpenID Connect request: an ID token");
  }

  @Test
  void rfc6749_4_1_2_1_whenUserDeniesInTheBrowser_thenDemoClientReceivesAccessDenied() throws IOException {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(Fixtures.issuer() + "/demo/start?prompt=consent");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys("demo");
    browser.findElement(By.id("password")).sendKeys(demoPassword());
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("deny"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("callback-error")));
    assertEquals("access_denied", browser.findElement(By.id("callback-error")).getText());
  }

  /**
   * Single sign-on and single logout in the real browser: one sign-in (through the demo client), then a second client
   * gets its code without any sign-in page; then the user signs out at Gatehouse, and the second client's
   * back-channel endpoint receives the logout token for that very session.
   */
  @Test
  void oidcSso_whenSignedInOnceAndLoggedOut_thenSecondClientWithoutLoginAndNotifiedOnLogout() throws Exception {
    try (BackchannelReceiver receiver = new BackchannelReceiver()) {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.get(Fixtures.issuer() + "/demo/start");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
      browser.findElement(By.id("username")).sendKeys("demo");
      browser.findElement(By.id("password")).sendKeys(demoPassword());
      browser.findElement(By.id("sign-in")).click();
      wait.until(d -> d.getCurrentUrl().contains("/demo/callback") || !d.findElements(By.id("allow")).isEmpty());
      if (!browser.findElements(By.id("allow")).isEmpty()) {
        browser.findElement(By.id("allow")).click();
      }
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token-response")));

      // The second client: no sign-in page, at most its consent page.
      browser.get(Fixtures.issuer() + "/oauth2/authorize?response_type=code&client_id=it-bcl&scope=openid"
          + "&redirect_uri=" + UserAgent.enc(BackchannelReceiver.callbackUri()) + "&state=s2&nonce=n2");
      wait.until(d -> d.getCurrentUrl().startsWith(BackchannelReceiver.callbackUri())
          || !d.findElements(By.id("allow")).isEmpty() || !d.findElements(By.id("username")).isEmpty());
      assertTrue(browser.findElements(By.id("username")).isEmpty(), "no second sign-in: " + browser.getCurrentUrl());
      if (!browser.findElements(By.id("allow")).isEmpty()) {
        browser.findElement(By.id("allow")).click();
      }
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rp-callback")));
      Map<String, String> back = Fixtures.query(URI.create(browser.getCurrentUrl()));
      assertNotNull(back.get("code"), browser.getCurrentUrl());
      assertEquals("s2", back.get("state"));
      // The relying party redeems its code at once, as it would: its ID token names the session.
      TokenClient.Answer answer = new TokenClient(URI.create(Fixtures.issuer())).post(Fixtures.codeRedemption(
          back.get("code"), BackchannelReceiver.callbackUri(), null), "it-bcl",
          "it-bcl-secret-0123456789abcdefghijklmnopqrs");
      assertEquals(200, answer.status(), answer.json()::toString);
      String sid = IndependentJws.payload(answer.string("id_token")).getString("sid");

      browser.get(Fixtures.issuer() + "/oauth2/logout");
      wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));

      BackchannelReceiver.Received notification = receiver.next(Duration.ofSeconds(30));
      assertNotNull(notification, "the back-channel notification arrived");
      JsonObject claims = IndependentJws.payload(notification.logoutToken());
      assertEquals("it-bcl", claims.getString("aud"));
      assertEquals(Fixtures.issuer(), claims.getString("iss"));
      assertEquals(sid, claims.getString("sid"), "the logout names the session the client signed in with");

      // Signed out: the demo asks for a sign-in again.
      browser.get(Fixtures.issuer() + "/demo/start");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }
  }

  /** A client asking for Chinese pages (ui_locales) gets the Simplified Chinese sign-in page in the real browser. */
  @Test
  void oidcCore_3_1_2_1_uiLocales_whenZhCn_thenTheBrowserShowsTheChineseSignInPage() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(Fixtures.issuer() + "/oauth2/authorize?response_type=code&client_id=it-bcl&scope=openid"
        + "&redirect_uri=" + UserAgent.enc(BackchannelReceiver.callbackUri()) + "&state=zh&ui_locales=zh-CN");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("登录", browser.findElement(By.tagName("h1")).getText());
    assertEquals("用户名", browser.findElement(By.cssSelector("label[for=username]")).getText());
    assertEquals("登录", browser.findElement(By.id("sign-in")).getText());
  }

  /**
   * The demo user's password, generated at the server's first start and kept in its data folder (the server's
   * GATEHOUSE_DATA_DIR, which the pom gives the test JVM as gatehouse.it.dataDir).
   */
  private static String demoPassword() throws IOException {
    Path file = Path.of(System.getProperty("gatehouse.it.dataDir"), "demo-credentials.properties");
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return properties.getProperty("password");
  }
}
