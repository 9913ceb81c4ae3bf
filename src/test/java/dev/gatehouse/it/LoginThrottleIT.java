package dev.gatehouse.it;

import static dev.gatehouse.it.Fixtures.ALICE;
import static dev.gatehouse.it.Fixtures.ALICE_PASSWORD;
import static dev.gatehouse.it.Fixtures.BOB;
import static dev.gatehouse.it.Fixtures.BOB_PASSWORD;
import static dev.gatehouse.it.Fixtures.CAROL;
import static dev.gatehouse.it.Fixtures.CAROL_PASSWORD;
import static dev.gatehouse.it.Fixtures.DAVE;
import static dev.gatehouse.it.Fixtures.DAVE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in protection, and the new session id at sign-in, over HTTP and in the database (it-mariadb execution only).
 * The pom gives the server short settings: {@value #MAX_FAILURES} failures lock an account for three seconds. Every
 * request comes from 127.0.0.1, so the per-address limit is set high there and tested in {@code LoginThrottleTest}
 * (policy) and {@code LoginServletTest} (which address counts). Each test ends with a right password for the accounts
 * it failed, which resets them, so the other test classes find them clean.
 */
@ExtendWith({MariaDbOnly.class, ArquillianExtension.class})
@RunAsClient
class LoginThrottleIT {
  private static final String FAILURES = Database.PREFIX + "login_failures";
  /** GATEHOUSE_LOGIN_MAX_FAILURES in the pom's failsafe configuration. */
  private static final int MAX_FAILURES = 3;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private URI base() {
    return URI.create(url.toString());
  }

  /** The servlet session id a response sets, if it sets one. */
  private static Optional<String> sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("GATEHOUSE_SESSION="))
        .map(c -> c.substring("GATEHOUSE_SESSION=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst();
  }

  /** The counter row of a typed username, as the server keys it. */
  private static String accountId(String typedUsername) {
    return Database.sha256("account:" + typedUsername.strip().toLowerCase(Locale.ROOT));
  }

  private static Map<String, Object> counter(String typedUsername) {
    return Database.byId(FAILURES, accountId(typedUsername));
  }

  /** Locks {@code username} with wrong passwords; returns the page of the last failure. */
  private static String lock(SignInPage page, String username) throws InterruptedException {
    String last = null;
    for (int i = 0; i < MAX_FAILURES; i++) {
      last = UserAgent.failurePage(page.attemptWhenAllowed(username, "wrong-" + i));
    }
    Map<String, Object> row = counter(username);
    assertNotNull(row, "a counter row for the account");
    assertEquals(1, ((Number) row.get("lockouts")).intValue(), () -> "locked once: " + row);
    return last;
  }

  /** Waits until the lockout the database records for {@code username} has ended (no assertion on how long). */
  private static void awaitUnlocked(String username) throws InterruptedException {
    long until = ((Number) counter(username).get("locked_until")).longValue();
    Thread.sleep(Math.max(0, until - System.currentTimeMillis()) + 250);
  }

  @Test
  void lockout_whenAnAccountFailsTheLimit_thenTheRightPasswordGetsTheSameFailurePage_untilTheLockoutEnds()
      throws InterruptedException {
    SignInPage page = new SignInPage(base());
    String wrong = lock(page, BOB);

    String right = UserAgent.failurePage(page.attempt(BOB, BOB_PASSWORD));
    assertEquals(wrong, right, "a locked account answers a right password as a wrong one");

    awaitUnlocked(BOB);
    SignInPage.assertSignedIn(page.attemptWhenAllowed(BOB, BOB_PASSWORD));
    assertNull(counter(BOB), "a successful sign-in resets the account's counter");
  }

  @Test
  void lockout_ofOneAccount_doesNotStopAnotherAccount() throws InterruptedException {
    SignInPage attacker = new SignInPage(base());
    lock(attacker, DAVE);

    SignInPage.assertSignedIn(new SignInPage(base()).attemptWhenAllowed(CAROL, CAROL_PASSWORD));

    awaitUnlocked(DAVE);
    SignInPage.assertSignedIn(attacker.attemptWhenAllowed(DAVE, DAVE_PASSWORD));
  }

  @Test
  void enumeration_anUnknownUsernameAndAWrongPasswordGetTheSameStatusAndPage() throws InterruptedException {
    SignInPage page = new SignInPage(base());
    String wrongPassword = UserAgent.failurePage(page.attempt(ALICE, "not-" + ALICE_PASSWORD));
    String unknownUser = UserAgent.failurePage(page.attempt("nobody-" + UUID.randomUUID(), ALICE_PASSWORD));
    assertEquals(wrongPassword, unknownUser);
    assertNotNull(counter(ALICE), "the wrong password counted");
    SignInPage.assertSignedIn(page.attemptWhenAllowed(ALICE, ALICE_PASSWORD));
  }

  @Test
  void wait_whenAnAccountFailedTwice_thenAnAttemptSoonAfterIsAnswered429AtOnceAndNotCounted()
      throws InterruptedException {
    String user = "waiting-" + UUID.randomUUID();
    SignInPage page = new SignInPage(base());
    UserAgent.failurePage(page.attemptWhenAllowed(user, "wrong-1"));
    UserAgent.failurePage(page.attemptWhenAllowed(user, "wrong-2"));
    HttpResponse<String> tooSoon = page.attempt(user, "wrong-3");
    assertEquals(429, tooSoon.statusCode(), tooSoon::body);
    long retryAfter = Long.parseLong(tooSoon.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1, "Retry-After in whole seconds (RFC 9110 §10.2.3): " + retryAfter);
    assertTrue(tooSoon.body().contains("id=\"login-error\"") && tooSoon.body().contains("name=\"request\""),
        "the sign-in page again, with its request, so nothing is lost");
    assertEquals(2, ((Number) counter(user).get("failures")).intValue(), "an attempt too soon is not counted");

    SignInPage right = new SignInPage(base());
    HttpResponse<String> after = right.attemptWhenAllowed(ALICE, ALICE_PASSWORD);
    SignInPage.assertSignedIn(after);
  }

  @Test
  void session_whenSignedIn_thenNoServletSessionWasMadeAndTheCsrfKeyAndSsoCookieAreNew() {
    SignInPage page = new SignInPage(base());
    assertTrue(sessionCookie(page.toLogin).isEmpty() && sessionCookie(page.firstPage).isEmpty(),
        "an anonymous authorization request and its sign-in page create no HTTP session on the server");
    String csrfBefore = cookie(page.firstPage, "GATEHOUSE_CSRF").orElseThrow(
        () -> new AssertionError("the sign-in page gives the browser its CSRF key"));
    HttpResponse<String> signedIn = page.attempt(ALICE, ALICE_PASSWORD);
    SignInPage.assertSignedIn(signedIn);
    assertTrue(sessionCookie(signedIn).isEmpty(), "no HTTP session at sign-in either");
    String csrfAfter = cookie(signedIn, "GATEHOUSE_CSRF").orElseThrow(() -> new AssertionError("no new CSRF key"));
    assertNotEquals(csrfBefore, csrfAfter, "a CSRF token seen before the sign-in is worthless after it");
    String ssoFirst = cookie(signedIn, "GATEHOUSE_SSO").orElseThrow();

    // The same user signs in again in the same browser (prompt=login): the session goes on under a new cookie value.
    Map<String, String> promptLogin = Fixtures.authorizeParams(Fixtures.BASIC, Fixtures.BASIC_REDIRECT, "read",
        Pkce.create(), UUID.randomUUID().toString());
    promptLogin.put("prompt", "login");
    HttpResponse<String> again = page.agent.authorize(promptLogin);
    HttpResponse<String> form = page.agent.get(UserAgent.location(again));
    Map<String, String> fields = UserAgent.hiddenFields(form.body());
    fields.put("username", ALICE);
    fields.put("password", ALICE_PASSWORD);
    HttpResponse<String> reauthenticated = page.agent.postForm("/login", fields);
    SignInPage.assertSignedIn(reauthenticated);
    String ssoSecond = cookie(reauthenticated, "GATEHOUSE_SSO").orElseThrow();
    assertNotEquals(ssoFirst, ssoSecond, "the SSO cookie value does not survive a new sign-in");
    assertNotNull(Database.byId(Database.PREFIX + "sessions", Database.sha256(ssoSecond)),
        "the session is found by the new value");
    assertNull(Database.byId(Database.PREFIX + "sessions", Database.sha256(ssoFirst)), "and no longer by the old one");
  }

  private static Optional<String> cookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .filter(v -> !v.isEmpty()).reduce((first, second) -> second);
  }

  @Test
  void storage_theCountersHoldOnlyHashesOfWhatWasTyped() {
    // Someone types their password into the username field: it must not end up in the database in clear.
    String typed = "Typed-Password-" + UUID.randomUUID();
    UserAgent.failurePage(new SignInPage(base()).attempt(typed, "anything"));

    Map<String, Object> row = counter(typed);
    assertNotNull(row, "keyed by the SHA-256 of the normalized username");
    assertEquals("account", row.get("kind"));
    assertEquals(1, ((Number) row.get("failures")).intValue());
    List<Map<String, Object>> rows = Database.rows("SELECT * FROM " + FAILURES);
    assertTrue(rows.stream().anyMatch(r -> "address".equals(r.get("kind"))), "the address is counted too");
    for (Map<String, Object> r : rows) {
      assertFalse(r.values().stream().anyMatch(v -> String.valueOf(v).toLowerCase(Locale.ROOT)
          .contains(typed.toLowerCase(Locale.ROOT))), () -> "a typed username in clear: " + r);
    }
  }

  @Test
  void purge_deletesACounterWhoseWindowAndLockoutAreOver() throws InterruptedException {
    String typed = "purged-" + UUID.randomUUID();
    UserAgent.failurePage(new SignInPage(base()).attempt(typed, "anything"));
    assertEquals(1, RowAging.expireById(FAILURES, accountId(typed), System.currentTimeMillis() - 60_000));

    long giveUp = System.currentTimeMillis() + 60_000;
    while (counter(typed) != null && System.currentTimeMillis() < giveUp) {
      Thread.sleep(200);
    }
    assertNull(counter(typed), "the purge deleted the stale counter");
  }
}
