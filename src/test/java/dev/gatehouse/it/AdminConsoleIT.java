package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console (issue 5) in the real browser, Debian's headless Chromium, and over plain HTTP where a status
 * code or a forged request is the point: who may use it, forms and their errors, a client's secret shown once,
 * sessions ended, CSRF, and the pages in Chinese.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  private static URI base() {
    return URI.create(Fixtures.issuer());
  }

  @Test
  void console_whenSignedOut_thenTheSignInPageAndBackToThePageAsked() throws IOException {
    try (Chromium chromium = Chromium.open()) {
      WebDriver browser = chromium.driver;
      browser.get(Fixtures.issuer() + "/admin/users");
      wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
      assertTrue(browser.getCurrentUrl().startsWith(Fixtures.issuer() + "/admin/sign-in?next="),
          browser.getCurrentUrl());
      assertEquals("/admin/users", browser.findElement(By.name("next")).getAttribute("value"));
    }
  }

  @Test
  void console_whenSignedInWithoutTheAdminRole_thenForbidden() {
    UserAgent alice = new UserAgent(base());
    HttpResponse<String> signedIn = consoleSignIn(alice, Fixtures.ALICE, Fixtures.ALICE_PASSWORD, "/admin/clients");
    assertEquals(303, signedIn.statusCode(), signedIn::body);
    assertEquals("/admin/clients", seeOther(signedIn));
    HttpResponse<String> page = alice.get("/admin/clients");
    assertEquals(403, page.statusCode());
    assertTrue(page.body().contains("id=\"refused\""), page.body());
    assertEquals(403, alice.get("/admin/users").statusCode());
  }

  @Test
  void console_whenTheSignInFormHasNoCsrfToken_thenRefusedAndNotSignedIn() {
    UserAgent agent = new UserAgent(base());
    agent.get("/admin/sign-in");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", Fixtures.ALICE);
    form.put("password", Fixtures.ALICE_PASSWORD);
    assertEquals(403, agent.postForm("/admin/sign-in", form).statusCode());
    form.put("csrf", "not-the-token");
    assertEquals(403, agent.postForm("/admin/sign-in", form).statusCode());
    assertTrue(seeOther(agent.get("/admin/clients")).startsWith("/admin/sign-in?"), "still signed out");
  }

  @Test
  void console_whenTheNextPageIsNotAConsolePage_thenBackToTheConsoleNotElsewhere() {
    UserAgent alice = new UserAgent(base());
    HttpResponse<String> signedIn = consoleSignIn(alice, Fixtures.ALICE, Fixtures.ALICE_PASSWORD,
        "//evil.example/admin/");
    assertEquals("/admin/", seeOther(signedIn));
  }

  @Test
  void console_whenTheBrowserAsksForChinese_thenTheSignInPageIsChinese() throws IOException {
    try (Chromium chromium = Chromium.open("zh-CN")) {
      WebDriver browser = chromium.driver;
      browser.get(Fixtures.issuer() + "/admin/clients");
      wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
      assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
      assertEquals("登录", browser.findElement(By.tagName("h1")).getText());
    }
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

  /** The path a 303 See Other (POST-redirect-GET, or the way to sign-in) sends the browser to. */
  static String seeOther(HttpResponse<String> response) {
    assertEquals(303, response.statusCode(), response::body);
    URI target = base().resolve(response.headers().firstValue("Location").orElseThrow());
    assertEquals(base().getAuthority(), target.getAuthority(), "a page of this server");
    return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
  }

  private static WebDriverWait wait(WebDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }
}
