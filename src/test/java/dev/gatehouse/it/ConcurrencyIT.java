package dev.gatehouse.it;

import static dev.gatehouse.it.Fixtures.ALICE;
import static dev.gatehouse.it.Fixtures.ALICE_PASSWORD;
import static dev.gatehouse.it.Fixtures.BASIC;
import static dev.gatehouse.it.Fixtures.BASIC_REDIRECT;
import static dev.gatehouse.it.Fixtures.BASIC_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single use under contention, over HTTP only (runs on MariaDB and on H2): N requests with the same code or refresh
 * token are released together from a start gate, on N connections of their own, and exactly one (or at most one) may
 * win. Each scenario runs several rounds to make the race likely; nothing here depends on timing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrencyIT {

  private static final int ROUNDS = 3;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private URI base() {
    return URI.create(url.toString());
  }

  @Test
  void rfc6749_4_1_2_whenTwelveRedemptionsOfOneCodeRace_thenExactlyOneSucceeds() throws Exception {
    for (int round = 1; round <= ROUNDS; round++) {
      Pkce pkce = Pkce.create();
      String code = Flows.code(new UserAgent(base()), BASIC, BASIC_REDIRECT, "read", pkce, ALICE, ALICE_PASSWORD);
      List<TokenClient.Answer> answers = race(12, Fixtures.codeRedemption(code, BASIC_REDIRECT, pkce));
      assertOutcome(answers, "round " + round + " of the code race", true);
    }
  }

  @Test
  void rfc9700_4_14_whenOneRefreshTokenIsUsedConcurrently_thenAtMostOneSucceeds() throws Exception {
    for (int round = 1; round <= ROUNDS; round++) {
      String refreshToken = Flows.basicClientTokens(base(), "read").string("refresh_token");
      List<TokenClient.Answer> answers = race(10, Fixtures.refresh(refreshToken, null));
      assertOutcome(answers, "round " + round + " of the refresh race", false);
    }
  }

  /** Exactly one (or at most one) 200; every other answer a 400 invalid_grant; never a 5xx. */
  private static void assertOutcome(List<TokenClient.Answer> answers, String what, boolean exactlyOne) {
    StringBuilder summary = new StringBuilder(what).append(":");
    int ok = 0;
    for (TokenClient.Answer answer : answers) {
      summary.append(' ').append(answer.status()).append('/').append(answer.error());
    }
    for (TokenClient.Answer answer : answers) {
      assertTrue(answer.status() < 500, summary::toString);
      if (answer.status() == 200) {
        ok++;
        assertTrue(answer.string("access_token") != null, summary::toString);
      } else {
        assertEquals(400, answer.status(), summary::toString);
        assertEquals("invalid_grant", answer.error(), summary::toString);
      }
    }
    if (exactlyOne) {
      assertEquals(1, ok, summary::toString);
    } else {
      assertTrue(ok <= 1, summary::toString);
    }
  }

  /**
   * Sends {@code n} identical token requests (client_secret_basic as it-basic) released together by a start gate,
   * each on its own HTTP/1.1 client so that they travel on separate connections.
   */
  private List<TokenClient.Answer> race(int n, Map<String, String> form) throws Exception {
    URI endpoint = base().resolve("/oauth2/token");
    String body = UserAgent.form(form);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", TokenClient.basic(BASIC, BASIC_SECRET))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        Callable<HttpResponse<String>> call = () -> {
          ready.countDown();
          start.await();
          return http.send(request, HttpResponse.BodyHandlers.ofString());
        };
        futures.add(pool.submit(call));
      }
      ready.await(); // every racer is parked at the gate
      start.countDown();
      List<TokenClient.Answer> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> future : futures) {
        answers.add(TokenClient.answer(future.get()));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
