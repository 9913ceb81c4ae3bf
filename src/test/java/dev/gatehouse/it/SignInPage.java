package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/**
 * One browser without a screen on the sign-in page of a fresh authorization request (of it-basic); each attempt posts
 * the form of the page it is on, which after a failure is the failure page.
 */
public final class SignInPage {
  public final UserAgent agent;
  /** The authorization request's redirect to the sign-in page, and that page. */
  public final HttpResponse<String> toLogin;
  public final HttpResponse<String> firstPage;
  private HttpResponse<String> page;

  public SignInPage(URI base) {
    agent = new UserAgent(base);
    toLogin = agent.authorize(Fixtures.authorizeParams(Fixtures.BASIC, Fixtures.BASIC_REDIRECT, "read",
        Pkce.create(), UUID.randomUUID().toString()));
    page = agent.get(UserAgent.location(toLogin));
    firstPage = page;
    assertEquals(200, page.statusCode(), page::body);
  }

  public HttpResponse<String> attempt(String username, String password) {
    Map<String, String> form = UserAgent.hiddenFields(page.body());
    form.put("username", username);
    form.put("password", password);
    HttpResponse<String> answer = agent.postForm("/login", form);
    if (answer.statusCode() == 401 || answer.statusCode() == 429 || answer.statusCode() == 403) {
      page = answer;
    }
    return answer;
  }

  /**
   * An attempt that waits as long as a 429 says ({@code Retry-After}) and tries again, as a patient user would: what
   * the tests of counting and locking need, now that an attempt too soon after a failure is not looked at.
   */
  public HttpResponse<String> attemptWhenAllowed(String username, String password) throws InterruptedException {
    HttpResponse<String> answer = attempt(username, password);
    for (int i = 0; i < 10 && answer.statusCode() == 429; i++) {
      long seconds = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
      Thread.sleep(seconds * 1000 + 100);
      answer = attempt(username, password);
    }
    return answer;
  }

  /** An attempt that signed the user in: a redirect back to the authorization request that waited for it. */
  public static void assertSignedIn(HttpResponse<String> answer) {
    assertEquals(302, answer.statusCode(), answer::body);
    assertTrue(UserAgent.location(answer).contains("/oauth2/authorize/resume"), UserAgent.location(answer));
  }
}
