package dev.gatehouse.it;

import static dev.gatehouse.it.ServiceFixtures.RS;
import static dev.gatehouse.it.ServiceFixtures.RS_SECRET;
import static dev.gatehouse.it.ServiceFixtures.SERVICE;
import static dev.gatehouse.it.ServiceFixtures.SERVICE_POST;
import static dev.gatehouse.it.ServiceFixtures.SERVICE_POST_SECRET;
import static dev.gatehouse.it.ServiceFixtures.SERVICE_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.it.ResourceEndpoints.ClientAuth;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tables stay bounded (ARCHITECTURE.md §4: "purge in small batches by primary key in short transactions"; MariaDB
 * execution only). The server under test purges every 2 s (GATEHOUSE_PURGE_INTERVAL=PT2S) the rows that expired, or
 * were revoked, more than 5 s ago (GATEHOUSE_PURGE_RETENTION=PT5S), 500 rows per transaction. Tokens are issued and
 * revoked over HTTP; only expiry is moved, through SQL ({@link RowAging}), to stand for ten minutes passing. The
 * waits poll the database and end as soon as the rows are gone; 60 s is only the give-up point.
 */
@ExtendWith({MariaDbOnly.class, ArquillianExtension.class})
@RunAsClient
class PurgeIT {

  private static final ClientAuth SERVICE_AUTH = ClientAuth.basic(SERVICE, SERVICE_SECRET);
  private static final ClientAuth SERVICE_POST_AUTH = ClientAuth.post(SERVICE_POST, SERVICE_POST_SECRET);
  private static final ClientAuth RS_AUTH = ClientAuth.basic(RS, RS_SECRET);
  private static final long GIVE_UP_MILLIS = 60_000;
  private static final long RETENTION_MILLIS = 5_000;
  private static final JsonObject INACTIVE = Json.createObjectBuilder().add("active", false).build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private ResourceEndpoints endpoints() {
    return new ResourceEndpoints(URI.create(url.toString()));
  }

  @Test
  void architecture4_whenSixHundredServiceTokensExpire_thenPurgedToZeroWhileConcurrentRequestsSucceed()
      throws Exception {
    List<String> issued = issue(SERVICE_AUTH, 600, 4);
    assertEquals(600, issued.stream().distinct().count(), "600 distinct tokens");
    assertEquals(600, countIds(issued), "every issued token has its row");

    // The other threads start first, so they are running whenever the purge timer fires.
    Load load = new Load(endpoints(), 3);
    long start = System.nanoTime();
    int aged;
    long before;
    boolean emptied;
    try {
      aged = RowAging.expireByClient(Database.ACCESS_TOKENS, SERVICE, System.currentTimeMillis() - 60_000);
      before = countClient(SERVICE);
      System.out.println("purge: aged " + aged + " it-service access token rows (expires_at = now - 60 s); "
          + before + " it-service rows in " + Database.ACCESS_TOKENS);
      emptied = poll(() -> countClient(SERVICE) == 0);
    } finally {
      load.stop();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long after = countClient(SERVICE);
    System.out.printf("purge: %d rows -> %d rows in %.1f s%n", before, after, seconds);
    System.out.printf("purge: meanwhile %d requests from 3 threads, %d failed; it-service-post issued %d tokens, "
        + "revoked %d of them, and its %d live rows were all kept: %s%n", load.requests.get(), load.failures.size(),
        load.live.size() + load.revoked.size(), load.revoked.size(), load.live.size(),
        countIds(load.live) == load.live.size());

    assertTrue(aged >= 600 && before >= 600, "aged " + aged + ", counted " + before);
    assertTrue(emptied, "the purge left " + after + " of " + before + " expired it-service rows after 60 s");
    assertEquals(0, after);
    assertEquals(List.of(), List.copyOf(load.failures), "every request during the purge succeeded");
    assertTrue(load.live.size() > 0, "the concurrent load issued tokens during the wait");
    // The bound: what is live stays. Every unrevoked it-service-post token issued during the wait keeps its row.
    assertEquals(load.live.size(), countIds(load.live), "live tokens issued during the purge were kept");
    assertAllActive(load.live);
  }

  @Test
  void architecture4_whenFiftyUnexpiredTokensRevoked_thenPurgedAfterRetentionAndLiveTokensKept() throws Exception {
    List<String> revoked = issue(SERVICE_AUTH, 50, 2);
    List<String> live = issue(SERVICE_AUTH, 5, 1);
    assertEquals(55, countIds(concat(revoked, live)), "every issued token has its row");

    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    parallel(4, revoked, token -> {
      sentAt.put(Database.sha256(token), System.currentTimeMillis());
      HttpResponse<String> response = endpoints().revoke(token, null, SERVICE_AUTH);
      if (response.statusCode() != 200) {
        failures.add(response.statusCode() + " " + response.body());
      }
    });
    assertEquals(List.of(), failures, "every revocation answered 200");
    for (String token : revoked) {
      assertEquals(INACTIVE, endpoints().introspect(token, null, RS_AUTH).json(), "revoked, so inactive");
    }

    // Not expired (10-minute lifetime): only the revocation makes these rows purgeable. Poll until all are gone,
    // noting when each was first seen missing.
    Map<String, Long> goneAt = new HashMap<>();
    long start = System.nanoTime();
    boolean emptied = poll(() -> {
      long now = System.currentTimeMillis();
      List<String> present = presentIds(sentAt.keySet());
      sentAt.keySet().stream().filter(id -> !present.contains(id)).forEach(id -> goneAt.putIfAbsent(id, now));
      return present.isEmpty();
    });
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("purge: %d revoked rows -> %d rows in %.1f s%n", revoked.size(),
        presentIds(sentAt.keySet()).size(), seconds);

    assertTrue(emptied, () -> presentIds(sentAt.keySet()).size() + " of 50 revoked rows still there after 60 s");
    // Kept for the retention first: a row can only vanish 5 s after its revocation, which came after sentAt.
    goneAt.forEach((id, gone) -> assertTrue(gone - sentAt.get(id) >= RETENTION_MILLIS,
        () -> "a revoked row vanished " + (gone - sentAt.get(id)) + " ms after its revocation request"));
    for (String token : live) {
      Map<String, Object> row = Database.byId(Database.ACCESS_TOKENS, Database.sha256(token));
      assertNotNull(row, "a live token of the same client is not purged");
      assertNull(row.get("revoked_at"));
      assertTrue(endpoints().introspect(token, null, SERVICE_AUTH).json().getBoolean("active"));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Requests from other threads while the test waits, reading and writing the table being purged: an it-service-post
   * client credentials token (insert), introspected at once by its owner (read); every second one is then revoked
   * (update) and introspected again (must be inactive). Every failure (a status other than expected, a wrong answer,
   * an exception) is recorded.
   */
  private static final class Load {
    final AtomicBoolean stopped = new AtomicBoolean();
    final AtomicInteger requests = new AtomicInteger();
    final Queue<String> live = new ConcurrentLinkedQueue<>();
    final Queue<String> revoked = new ConcurrentLinkedQueue<>();
    final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final ExecutorService pool;

    Load(ResourceEndpoints endpoints, int threads) {
      pool = Executors.newFixedThreadPool(threads);
      for (int i = 0; i < threads; i++) {
        pool.submit(() -> {
          for (int n = 0; !stopped.get(); n++) {
            once(endpoints, n % 2 == 1);
          }
        });
      }
    }

    private void once(ResourceEndpoints endpoints, boolean revoke) {
      try {
        requests.incrementAndGet();
        TokenClient.Answer issued = endpoints.token(ServiceFixtures.clientCredentials(null), SERVICE_POST_AUTH);
        if (issued.status() != 200) {
          failures.add("token: " + issued.status() + " " + issued.json());
          return;
        }
        String token = issued.string("access_token");
        requests.incrementAndGet();
        TokenClient.Answer seen = endpoints.introspect(token, null, SERVICE_POST_AUTH);
        if (seen.status() != 200 || !seen.json().getBoolean("active", false)) {
          failures.add("introspect: " + seen.status() + " " + seen.json());
        }
        if (!revoke) {
          live.add(token);
          return;
        }
        requests.incrementAndGet();
        HttpResponse<String> response = endpoints.revoke(token, null, SERVICE_POST_AUTH);
        if (response.statusCode() != 200) {
          failures.add("revoke: " + response.statusCode() + " " + response.body());
          return;
        }
        revoked.add(token);
        requests.incrementAndGet();
        TokenClient.Answer after = endpoints.introspect(token, null, SERVICE_POST_AUTH);
        if (after.status() != 200 || !INACTIVE.equals(after.json())) {
          failures.add("introspect after revoke: " + after.status() + " " + after.json());
        }
      } catch (Throwable e) {
        failures.add(e.toString());
      }
    }

    void stop() throws InterruptedException {
      stopped.set(true);
      pool.shutdown();
      assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "load threads stopped");
    }
  }

  /** {@code n} client credentials tokens, issued over HTTP by {@code threads} threads. */
  private List<String> issue(ClientAuth auth, int n, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> futures = new ArrayList<>();
      ResourceEndpoints endpoints = endpoints();
      for (int i = 0; i < n; i++) {
        Callable<String> call = () -> endpoints.serviceToken(auth, null);
        futures.add(pool.submit(call));
      }
      List<String> tokens = new ArrayList<>();
      for (Future<String> future : futures) {
        tokens.add(future.get());
      }
      return tokens;
    } finally {
      pool.shutdownNow();
    }
  }

  private interface TokenAction {
    void run(String token) throws Exception;
  }

  private static void parallel(int threads, List<String> tokens, TokenAction action) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (String token : tokens) {
        futures.add(pool.submit(() -> {
          action.run(token);
          return null;
        }));
      }
      for (Future<Object> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Checks {@code condition} every 200 ms until it holds (true) or 60 s have passed (false). */
  private static boolean poll(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MILLIS);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(200);
    }
    return condition.getAsBoolean();
  }

  private void assertAllActive(Collection<String> tokens) {
    for (String token : tokens) {
      TokenClient.Answer seen = endpoints().introspect(token, null, SERVICE_POST_AUTH);
      assertTrue(seen.json().getBoolean("active", false), () -> "a live token was lost: " + seen.json());
    }
  }

  private static long countClient(String clientId) {
    return ((Number) Database.rows("SELECT COUNT(*) AS n FROM " + Database.ACCESS_TOKENS + " WHERE client_id = ?",
        clientId).get(0).get("n")).longValue();
  }

  /** How many of these tokens have a row. */
  private static long countIds(Collection<String> tokens) {
    return presentIds(tokens.stream().map(Database::sha256).toList()).size();
  }

  /** Which of these ids (token hashes) still have a row. */
  private static List<String> presentIds(Collection<String> ids) {
    List<String> present = new ArrayList<>();
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += 200) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 200));
      String marks = chunk.stream().map(id -> "?").collect(Collectors.joining(","));
      Database.rows("SELECT id FROM " + Database.ACCESS_TOKENS + " WHERE id IN (" + marks + ")", chunk.toArray())
          .forEach(row -> present.add((String) row.get("id")));
    }
    return present;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
