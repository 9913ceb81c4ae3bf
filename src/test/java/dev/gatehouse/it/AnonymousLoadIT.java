package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an anonymous caller can make Gatehouse do is bounded. Sign-in that cannot be starved, on a node of its own
 * (table prefix {@code flood_}, so its counters and audit rows are its own) with one password check at a time ({@code GATEHOUSE_LOGIN_CONCURRENCY=1}) and an address limit of
 * {@value #ADDRESS_LIMIT} failures: a flood of anonymous sign-ins with random usernames is answered 429 beyond the
 * node's capacity, with {@code Retry-After}, never 5xx, while the token endpoint goes on answering; and once the
 * address is locked, its attempts are refused before any work, adding no counter and no audit row.
 *
 * <p>What it costs the token endpoint's rate is measured, not asserted: {@code bench/run.sh}'s {@code cc-flood}.
 *
 * <p>Pre-login state: 100,000 authorization requests without a cookie, each of which must wait for a sign-in, leave
 * the node's heap where it was (each request used to create an HTTP session holding a copy of every raw parameter,
 * about 25 KB for 30 minutes: 2.5 GB for these). The heap is read from the node's JVM with {@code jcmd} after a full
 * collection, before and after.
 */
@ExtendWith(MariaDbOnly.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnonymousLoadIT {
  private static final int ADDRESS_LIMIT = 60;
  private static final int FLOODERS = 16;
  private static PayaraNode node;

  @BeforeAll
  static void startNode() throws Exception {
    node = PayaraNode.start("gatehouse-flood", Integer.parseInt(System.getProperty("gatehouse.it.peerPort")),
        Deployments.file(Deployments.war()), Map.of(
            "GATEHOUSE_TABLE_PREFIX", "flood_",
            "GATEHOUSE_CLUSTER_PEERS", "",
            "GATEHOUSE_LOGIN_CONCURRENCY", "1",
            "GATEHOUSE_LOGIN_ADDRESS_MAX_FAILURES", Integer.toString(ADDRESS_LIMIT),
            // Longer than the other tests' 3 s: each refused answer is held back up to 2 s (SignInTarpit), and the
            // address must stay locked while twenty of them are sent one after another.
            "GATEHOUSE_LOGIN_LOCKOUT", "PT2M",
            "GATEHOUSE_IDENTITY_STORES", "database"));
  }

  @AfterAll
  static void stopNode() throws InterruptedException {
    if (node != null) {
      node.close();
    }
  }

  private static URI base() {
    return URI.create(node.base());
  }

  @Test
  @Order(1)
  void whenSignInIsFlooded_thenBeyondCapacityItIsRefused429AtOnce_andTheTokenEndpointKeepsAnswering()
      throws Exception {
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicInteger busy = new AtomicInteger();
    AtomicBoolean flooding = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(FLOODERS + 1);
    try {
      List<SignInPage> pages = new ArrayList<>();
      for (int i = 0; i < FLOODERS; i++) {
        pages.add(new SignInPage(base())); // each flooder's own sign-in page, before the flood starts
      }
      List<Future<?>> flood = new ArrayList<>();
      for (SignInPage page : pages) {
        flood.add(pool.submit(() -> {
          for (int round = 0; round < 12; round++) {
            HttpResponse<String> answer = page.attempt("nobody-" + UUID.randomUUID(), "guess-" + round);
            statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            if (answer.statusCode() == 429 && answer.body().contains("Many people are signing in right now")) {
              assertEquals("1", answer.headers().firstValue("Retry-After").orElse(null));
              busy.incrementAndGet();
            }
          }
          return null;
        }));
      }
      Future<Integer> tokens = pool.submit(() -> {
        ResourceEndpoints endpoints = new ResourceEndpoints(base());
        int issued = 0;
        while (flooding.get()) {
          endpoints.serviceToken(ResourceEndpoints.ClientAuth.basic(ServiceFixtures.SERVICE,
              ServiceFixtures.SERVICE_SECRET), "read");
          issued++;
        }
        return issued;
      });
      for (Future<?> f : flood) {
        f.get(5, TimeUnit.MINUTES);
      }
      flooding.set(false);
      assertTrue(tokens.get(1, TimeUnit.MINUTES) > 0, "client_credentials was answered during the flood");
    } finally {
      flooding.set(false);
      pool.shutdownNow();
    }
    assertTrue(statuses.keySet().stream().allMatch(s -> s == 401 || s == 429),
        "every attempt got a wrong-password page or a 429, never anything else: " + statuses);
    assertTrue(busy.get() > 0, "with one check at a time, " + FLOODERS + " at once find the node busy: " + statuses);
  }

  @Test
  @Order(2)
  void whenTheAddressIsLocked_thenItsAttemptsAreRefusedBeforeAnyWork_withoutCountersOrAuditRows() {
    SignInPage page = new SignInPage(base());
    HttpResponse<String> locked = page.attempt("nobody-" + UUID.randomUUID(), "guess");
    for (int i = 0; i < 3 * ADDRESS_LIMIT && locked.statusCode() != 429; i++) {
      locked = page.attempt("nobody-" + UUID.randomUUID(), "guess");
    }
    HttpResponse<String> answer = locked;
    assertEquals(429, answer.statusCode(), answer::body);
    assertTrue(answer.body().contains("Too many failed sign-ins from your network"), answer::body);
    assertTrue(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow()) > 0);

    long counters = count("flood_login_failures");
    long audit = count("flood_audit_events");
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> refused = page.attempt("nobody-" + UUID.randomUUID(), "guess-" + i);
      assertEquals(429, refused.statusCode(), refused::body);
    }
    assertEquals(counters, count("flood_login_failures"), "no counter row for an attempt from a locked address");
    assertEquals(audit, count("flood_audit_events"), "no audit row either: the lockout's own row said it");
  }

  @Test
  @Order(3)
  void whenOneHundredThousandAnonymousRequestsWaitForSignIn_thenTheHeapStaysBoundedAndNoSessionIsMade()
      throws Exception {
    String padding = "p".repeat(1000);
    send(5_000, padding); // the JIT, metaspace and pools settle first
    long before = heapAfterCollection();
    send(100_000, padding);
    long after = heapAfterCollection();
    String measured = "heap after a full collection: " + before / 1024 / 1024 + " MB before, " + after / 1024 / 1024
        + " MB after 100,000 anonymous requests parked for sign-in";
    System.out.println("AnonymousLoadIT: " + measured); // kept in target/failsafe-reports, for the record
    assertTrue(after - before < 48L * 1024 * 1024, measured);
  }

  /** {@code n} cookie-less authorization requests, each of which must be parked for sign-in; checks every answer. */
  private static void send(int n, String padding) throws Exception {
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).build();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        workers.add(pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < n; ) {
            Map<String, String> p = Fixtures.authorizeParams(Fixtures.BASIC, Fixtures.BASIC_REDIRECT, "read",
                Pkce.create(), i + "-" + padding);
            p.put("nonce", UUID.randomUUID().toString());
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(
                base().resolve("/oauth2/authorize?" + UserAgent.form(p))).build(),
                HttpResponse.BodyHandlers.discarding());
            assertEquals(302, answer.statusCode());
            assertTrue(answer.headers().firstValue("Location").orElse("").contains("/login?request="));
            assertTrue(answer.headers().allValues("Set-Cookie").stream()
                .noneMatch(c -> c.startsWith("GATEHOUSE_SESSION") || c.startsWith("JSESSIONID")),
                "no HTTP session for an anonymous request");
          }
          return null;
        }));
      }
      for (Future<?> w : workers) {
        w.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The node's used heap after a full collection, in bytes, as {@code jcmd GC.heap_info} reports it. */
  private static long heapAfterCollection() throws Exception {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
    assertTrue(used.find(), info);
    return Long.parseLong(used.group(1)) * 1024;
  }

  private static String jcmd(String command) throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Path jcmd = Path.of(java).resolveSibling("jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(node.pid()), command).redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  private static long count(String table) {
    return ((Number) Database.rows("SELECT COUNT(*) AS n FROM " + table).get(0).get("n")).longValue();
  }
}
