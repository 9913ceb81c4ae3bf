package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.oidc.IndependentJws;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
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
 * RP-initiated logout is finished before the browser is told so, in a real browser (Debian's headless Chromium): the
 * user signs in once and uses two or three relying parties (single sign-on), logs out at the first with a {@code
 * post_logout_redirect_uri}, and the moment the browser lands there, every other relying party's back-channel
 * endpoint has received, and answered, its logout token (OpenID Connect Back-Channel Logout 1.0 §2.5, within the
 * {@code GATEHOUSE_LOGOUT_WAIT} bound, 2 s by default). Reads the outbox (it-mariadb execution only).
 */
@ExtendWith({MariaDbOnly.class, ArquillianExtension.class})
@RunAsClient
class LogoutBeforeRedirectIT {
  private static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private Chromium chromium;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws IOException {
    chromium = Chromium.open();
    browser = chromium.driver;
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  private URI base() {
    return URI.create(url.toString());
  }

  /** A relying party registered for this test, with the ID token it got in the browser's session. */
  private record SignedIn(String clientId, String idToken) {
    String sid() {
      return IndependentJws.payload(idToken).getString("sid");
    }

    String sub() {
      return IndependentJws.payload(idToken).getString("sub");
    }
  }

  /** Registers a relying party whose pages and back-channel endpoint are {@code site}'s and {@code backchannel}. */
  private String register(String name, BackchannelReceiver site, String backchannel) {
    String clientId = "it-" + name + "-" + UUID.randomUUID();
    secrets.put(clientId, AdminClients.registerRelyingParty(base(), clientId, site.uri("/bcl-callback"),
        List.of(site.uri("/signed-out")), backchannel));
    return clientId;
  }

  private final Map<String, String> secrets = new java.util.HashMap<>();

  /**
   * The code flow in the browser: the sign-in page the first time (carol), none after it (single sign-on), the
   * consent page if asked; then the relying party redeems its code, as it would, for an ID token naming the session.
   */
  private SignedIn signIn(String clientId, BackchannelReceiver site) {
    String callback = site.uri("/bcl-callback");
    browser.get(Fixtures.issuer() + "/oauth2/authorize?response_type=code&client_id=" + UserAgent.enc(clientId)
        + "&scope=openid&redirect_uri=" + UserAgent.enc(callback) + "&state=s&nonce=" + UUID.randomUUID());
    wait.until(d -> d.getCurrentUrl().startsWith(callback) || !d.findElements(By.id("allow")).isEmpty()
        || !d.findElements(By.id("username")).isEmpty());
    if (!browser.findElements(By.id("username")).isEmpty()) {
      browser.findElement(By.id("username")).sendKeys(Fixtures.CAROL);
      browser.findElement(By.id("password")).sendKeys(Fixtures.CAROL_PASSWORD);
      browser.findElement(By.id("sign-in")).click();
      wait.until(d -> d.getCurrentUrl().startsWith(callback) || !d.findElements(By.id("allow")).isEmpty());
    }
    if (!browser.findElements(By.id("allow")).isEmpty()) {
      browser.findElement(By.id("allow")).click();
    }
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rp-callback")));
    Map<String, String> back = Fixtures.query(URI.create(browser.getCurrentUrl()));
    assertNotNull(back.get("code"), browser.getCurrentUrl());
    TokenClient.Answer answer = new TokenClient(base()).post(
        Fixtures.codeRedemption(back.get("code"), callback, null), clientId, secrets.get(clientId));
    assertEquals(200, answer.status(), answer.json()::toString);
    return new SignedIn(clientId, answer.string("id_token"));
  }

  /** RP-initiated logout at {@code at}, back to its post-logout page; returns when the browser got there. */
  private long logOutAt(SignedIn at, BackchannelReceiver site) throws InterruptedException {
    browser.get(Fixtures.issuer() + "/oauth2/logout?id_token_hint=" + at.idToken()
        + "&post_logout_redirect_uri=" + UserAgent.enc(site.uri("/signed-out")) + "&state=bye");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rp-signed-out")));
    assertTrue(browser.getCurrentUrl().startsWith(site.uri("/signed-out") + "?state=bye"), browser.getCurrentUrl());
    Long landed = site.landedAt(Duration.ZERO);
    assertNotNull(landed, "the post-logout page was asked for");
    return landed;
  }

  /** The logout token that {@code rp} had received, and answered, before {@code landedAt}; validated for it. */
  private void assertToldBefore(long landedAt, BackchannelReceiver receiver, SignedIn rp) throws Exception {
    BackchannelReceiver.Received got = receiver.next(Duration.ZERO); // already there, or never in time
    assertNotNull(got, rp.clientId() + " was told before the browser arrived");
    assertTrue(got.answeredAt() < landedAt, rp.clientId() + " had answered before the browser arrived");
    String token = got.logoutToken();
    assertNotNull(token, got.rawBody());
    Jwks.assertVerifies(base(), token);
    JsonObject claims = IndependentJws.payload(token);
    assertEquals(Fixtures.issuer(), claims.getString("iss"));
    assertEquals(rp.clientId(), claims.getString("aud"));
    assertTrue(claims.getJsonObject("events").containsKey(BACKCHANNEL_LOGOUT_EVENT), claims::toString);
    assertEquals(rp.sid(), claims.getString("sid"), "the session it signed in with");
    assertEquals(rp.sub(), claims.getString("sub"));
    assertFalse(claims.containsKey("nonce"), "§2.4: never a nonce");
  }

  @Test
  void backchannelLogout_2_5_whenLoggedOutAtOneRelyingParty_thenTheOtherKnowsBeforeThePostLogoutPageArrives()
      throws Exception {
    // The second answers late (it ends its own session first): later than the old asynchronous send took.
    try (BackchannelReceiver first = BackchannelReceiver.answeringAfter(Duration.ZERO);
        BackchannelReceiver second = BackchannelReceiver.answeringAfter(Duration.ofMillis(800))) {
      String firstId = register("first", first, first.uri("/backchannel"));
      String secondId = register("second", second, second.uri("/backchannel"));
      SignedIn atFirst = signIn(firstId, first);
      SignedIn atSecond = signIn(secondId, second);
      assertEquals(atFirst.sid(), atSecond.sid(), "one session: single sign-on");

      long landed = logOutAt(atFirst, first);

      assertToldBefore(landed, second, atSecond);
      assertToldBefore(landed, first, atFirst);
      assertNull(second.next(Duration.ofSeconds(2)), "told once");
    }
  }

  @Test
  void backchannelLogout_whenOneRelyingPartyIsABlackHole_thenTheBrowserArrivesAnyway_andItsNotificationStaysDue()
      throws Exception {
    try (BackchannelReceiver first = BackchannelReceiver.answeringAfter(Duration.ZERO);
        BackchannelReceiver second = BackchannelReceiver.answeringAfter(Duration.ofMillis(300));
        BlackHole hole = new BlackHole()) {
      String firstId = register("first", first, first.uri("/backchannel"));
      String secondId = register("second", second, second.uri("/backchannel"));
      String holeId = register("hole", first, hole.uri("/backchannel"));
      SignedIn atFirst = signIn(firstId, first);
      SignedIn atSecond = signIn(secondId, second);
      signIn(holeId, first);

      long landed = logOutAt(atFirst, first); // after about GATEHOUSE_LOGOUT_WAIT: the black hole never answers

      assertToldBefore(landed, second, atSecond);
      assertToldBefore(landed, first, atFirst);
      BlackHole.Connection held = hole.next(Duration.ZERO);
      assertNotNull(held, "the black hole's notification went out with the others");
      List<Map<String, Object>> rows = Database.rows("SELECT delivered, finished_at FROM " + Database.PREFIX
          + "logout_deliveries WHERE client_id = ?", holeId);
      assertEquals(1, rows.size(), rows::toString);
      assertFalse(asBoolean(rows.get(0).get("delivered")), "not delivered");
      assertNull(rows.get(0).get("finished_at"), "still due: retried once its attempt fails");
      assertTrue(held.isOpen(), "its sender still holds the connection: the notification was not abandoned");
    }
  }

  private static boolean asBoolean(Object column) {
    return column instanceof Boolean b ? b : ((Number) column).intValue() != 0;
  }
}
