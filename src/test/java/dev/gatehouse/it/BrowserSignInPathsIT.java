package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every path from the authorization endpoint back to a client on another origin, in a real browser (Debian's
 * Chromium), in both languages: the first visit with its consent page; the returning user who must sign in but has
 * consented before (Chromium used to block the sign-in form's redirect chain at the client, because the sign-in page's
 * {@code form-action} named only {@code 'self'}); single sign-on without any page; {@code prompt=login}; and {@code
 * max_age}. The client is it-bcl, whose redirect URI is served by {@link BackchannelReceiver} on another port, so
 * another origin than Gatehouse's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserSignInPathsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @Test
  void oidcCore_3_1_2_1_everyPathEndsAtTheClient_inEnglish() throws Exception {
    everyPathEndsAtTheClient(null, "Sign in");
  }

  @Test
  void oidcCore_3_1_2_1_everyPathEndsAtTheClient_inChinese() throws Exception {
    everyPathEndsAtTheClient("zh-CN", "登录");
  }

  private void everyPathEndsAtTheClient(String language, String signInHeading) throws Exception {
    TestUsers.User user = TestUsers.create(URI.create(Fixtures.issuer()), "paths");
    try (BackchannelReceiver rp = new BackchannelReceiver()) {
      try (Chromium chromium = Chromium.open(language)) {
        WebDriver browser = chromium.driver;
        authorize(browser, "first", Map.of());
        signIn(browser, user, signInHeading);
        wait(browser).until(ExpectedConditions.elementToBeClickable(By.id("allow"))).click();
        assertAtClient(browser, "first", "the first visit: sign-in, consent, then the client");
      }
      try (Chromium chromium = Chromium.open(language)) {
        WebDriver browser = chromium.driver;
        authorize(browser, "returning", Map.of());
        signIn(browser, user, signInHeading);
        Map<String, String> back = assertAtClient(browser, "returning",
            "a returning user who consented before: from the sign-in form straight to the client");
        TokenClient.Answer tokens = new TokenClient(URI.create(Fixtures.issuer())).post(Fixtures.codeRedemption(
            back.get("code"), BackchannelReceiver.callbackUri(), null), "it-bcl",
            "it-bcl-secret-0123456789abcdefghijklmnopqrs");
        assertEquals(200, tokens.status(), tokens.json()::toString);

        authorize(browser, "sso", Map.of());
        assertAtClient(browser, "sso", "single sign-on: no page at all");

        authorize(browser, "login", Map.of("prompt", "login"));
        signIn(browser, user, signInHeading);
        assertAtClient(browser, "login", "prompt=login: the sign-in page, then the client");

        Thread.sleep(2_100);
        authorize(browser, "max-age", Map.of("max_age", "1"));
        signIn(browser, user, signInHeading);
        assertAtClient(browser, "max-age", "max_age older than the sign-in: the sign-in page, then the client");
      }
    }
  }

  private static WebDriverWait wait(WebDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  private static void authorize(WebDriver browser, String state, Map<String, String> extra) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", "it-bcl");
    p.put("scope", "openid");
    p.put("redirect_uri", BackchannelReceiver.callbackUri());
    p.put("state", state);
    p.put("nonce", "n-" + state);
    p.putAll(extra);
    browser.get(Fixtures.issuer() + "/oauth2/authorize?" + p.entrySet().stream()
        .map(e -> e.getKey() + "=" + UserAgent.enc(e.getValue())).collect(Collectors.joining("&")));
  }

  private static void signIn(WebDriver browser, TestUsers.User user, String heading) {
    wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertEquals(heading, browser.findElement(By.tagName("h1")).getText(), "the sign-in page in its language");
    browser.findElement(By.id("username")).sendKeys(user.username());
    browser.findElement(By.id("password")).sendKeys(user.password());
    browser.findElement(By.id("sign-in")).click();
  }

  /** Waits until the browser is at the client with a code for {@code state}; says where it stayed if it is not. */
  private static Map<String, String> assertAtClient(WebDriver browser, String state, String path) {
    try {
      wait(browser).until(d -> d.getCurrentUrl().startsWith(BackchannelReceiver.callbackUri())
          && !d.findElements(By.id("rp-callback")).isEmpty());
    } catch (org.openqa.selenium.TimeoutException stuck) {
      throw new AssertionError(path + ": the browser stayed at " + browser.getCurrentUrl() + " ("
          + browser.getTitle() + ")", stuck);
    }
    Map<String, String> back = Fixtures.query(URI.create(browser.getCurrentUrl()));
    assertEquals(state, back.get("state"), path);
    assertNotNull(back.get("code"), path + ": " + browser.getCurrentUrl());
    assertTrue(back.get("iss") != null, path + ": RFC 9207 iss");
    return back;
  }
}
