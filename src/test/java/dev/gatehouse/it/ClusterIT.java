package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.it.ResourceEndpoints.ClientAuth;
import dev.gatehouse.it.signing.SigningProbe;
import dev.gatehouse.protocol.cluster.ClusterKey;
import dev.gatehouse.protocol.cluster.Invalidation;
import dev.gatehouse.protocol.cluster.InvalidationMessage;
import dev.gatehouse.protocol.support.RandomTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes over one database: the Arquillian node A, and a node B this class starts itself (the same shipped WAR on
 * a stock Payara Micro). Each lists the other in GATEHOUSE_CLUSTER_PEERS, through a {@link PeerLink} the tests can cut
 * and listen on. Proves that a revocation on A is never followed by an "active" answer on B, although B had the token
 * in its cache; that a node that missed the invalidation catches up within its cache max age (B's is {@link
 * #MAX_AGE_B}) without any message; that forged, replayed and old invalidations are refused and flush nothing; that
 * both nodes purging the same tables at once neither deadlock nor fail; and that both publish the same keys and sign
 * with the same key. And, since it runs one node as the README starts Gatehouse and one with the Arquillian test grid:
 * that Gatehouse warns of a data grid when there is one and only then, and that the shipped pre-boot file keeps
 * Payara's own MicroProfile endpoints off both nodes' public listener.
 */
@ExtendWith({MariaDbOnly.class, ArquillianExtension.class})
@RunAsClient
class ClusterIT {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  /** Node B's GATEHOUSE_CACHE_MAX_AGE: short, so that a test can wait for it. */
  private static final Duration MAX_AGE_B = Duration.ofSeconds(3);
  /** How long a test waits for a node that missed a message: far beyond the max age, far below a token's life. */
  private static final Duration CATCH_UP_BOUND = Duration.ofSeconds(60);
  private static final String AUTOMATION = "it-admin-automation";
  private static final String AUTOMATION_SECRET = "it-admin-automation-secret-0123456789abcdefg";
  private static PayaraNode nodeB;
  /** A to B: listens on the port node A's GATEHOUSE_CLUSTER_PEERS names (the pom's it.peer.port). */
  private static PeerLink toB;
  /** B to A. */
  private static PeerLink toA;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war().addClass(SigningProbe.class);
  }

  @ArquillianResource URL url;

  @BeforeAll
  static void startNodeB() throws Exception {
    int portB = freePort();
    toB = new PeerLink(Integer.parseInt(System.getProperty("gatehouse.it.peerPort")), "http://127.0.0.1:" + portB);
    toA = new PeerLink(0, "http://127.0.0.1:" + System.getProperty("gatehouse.it.port"));
    // The same environment as node A (database, issuer, bootstrap, secrets), but A is its peer.
    nodeB = PayaraNode.start("gatehouse-node-b", portB,
        Deployments.file(Deployments.war().addClass(SigningProbe.class)),
        Map.of("GATEHOUSE_CLUSTER_PEERS", toA.base(), "GATEHOUSE_CACHE_MAX_AGE", MAX_AGE_B.toString()));
  }

  @AfterAll
  static void stopNodeB() throws InterruptedException {
    if (nodeB != null) {
      nodeB.close();
    }
    for (PeerLink link : new PeerLink[] {toB, toA}) {
      if (link != null) {
        link.close();
      }
    }
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String nodeB() {
    return nodeB.base();
  }

  /** One introspection of {@code token} by it-basic (its own token) at a node: active or not. */
  private static boolean activeAt(String node, String token) {
    TokenClient.Answer answer = new TokenClient(URI.create(node)).send(HttpRequest.newBuilder(
            URI.create(node + "/oauth2/introspect"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", TokenClient.basic(Fixtures.BASIC, Fixtures.BASIC_SECRET))
        .POST(HttpRequest.BodyPublishers.ofString("token=" + token)));
    assertEquals(200, answer.status(), () -> answer.json().toString());
    return answer.json().getBoolean("active");
  }

  private String nodeA() {
    String base = url.toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** it-basic revokes {@code token} at a node; the raw answer. */
  private static HttpResponse<String> revoke(String node, String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(node + "/oauth2/revoke"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", TokenClient.basic(Fixtures.BASIC, Fixtures.BASIC_SECRET))
        .POST(HttpRequest.BodyPublishers.ofString(UserAgent.form(Map.of("token", token)))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until {@code condition} holds; fails after {@link #CATCH_UP_BOUND}. No other timing is asserted. */
  private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + CATCH_UP_BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, what + ", within " + CATCH_UP_BOUND);
      Thread.sleep(250);
    }
  }

  @Test
  void rfc7009_2_whenRevokedOnOneNode_thenNeverActiveOnAnotherAfterTheAnswer() throws Exception {
    for (String kind : List.of("access_token", "refresh_token")) {
      TokenClient.Answer tokens = Flows.basicClientTokens(URI.create(url.toString()), "read");
      String access = tokens.string("access_token");
      String revoked = kind.equals("access_token") ? access : tokens.string("refresh_token");
      assertTrue(activeAt(nodeB(), access), "node B sees the token (and caches it)");

      AtomicBoolean stop = new AtomicBoolean();
      List<long[]> answers = new ArrayList<>(); // {started nanos, active 1/0}
      ExecutorService pool = Executors.newFixedThreadPool(3);
      List<Future<?>> readers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        readers.add(pool.submit(() -> {
          while (!stop.get()) {
            long started = System.nanoTime();
            boolean active = activeAt(nodeB(), access);
            synchronized (answers) {
              answers.add(new long[] {started, active ? 1 : 0});
            }
          }
          return null;
        }));
      }
      Thread.sleep(300);
      HttpResponse<String> revocation = HTTP.send(HttpRequest.newBuilder(URI.create(url + "oauth2/revoke"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Authorization", TokenClient.basic(Fixtures.BASIC, Fixtures.BASIC_SECRET))
          .POST(HttpRequest.BodyPublishers.ofString(UserAgent.form(Map.of("token", revoked)))).build(),
          HttpResponse.BodyHandlers.ofString());
      long revokedAt = System.nanoTime();
      assertEquals(200, revocation.statusCode(), revocation.body());
      Thread.sleep(700);
      stop.set(true);
      for (Future<?> reader : readers) {
        reader.get();
      }
      pool.shutdown();

      long before = answers.stream().filter(a -> a[0] < revokedAt && a[1] == 1).count();
      List<long[]> after = answers.stream().filter(a -> a[0] > revokedAt).toList();
      assertTrue(before > 0, kind + ": node B answered active before the revocation");
      assertTrue(after.size() > 0, kind + ": node B was asked after the revocation");
      assertTrue(after.stream().allMatch(a -> a[1] == 0),
          kind + ": an introspection on node B that started after /revoke answered said active");
    }
  }

  @Test
  void whenBothNodesPurgeTheSameRowsAtOnce_thenNeitherFailsAndTheRowsGo() throws Exception {
    URI base = URI.create(url.toString());
    TokenClient.Answer tokens = Flows.basicClientTokens(base, "read");
    String grant = (String) Database.byId(Database.ACCESS_TOKENS,
        Database.sha256(tokens.string("access_token"))).get("grant_id");
    // 400 ended rows of that grant, as if issued long ago: both nodes' purge timers (every 2 s) go for them.
    try (java.sql.Connection connection = Database.connect();
        java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO " + Database.ACCESS_TOKENS
            + " (id, grant_id, client_id, subject, scopes, issued_at, expires_at)"
            + " SELECT sha2(concat(?, seq), 256), ?, 'it-basic', NULL, 'read', 0, 1000 FROM seq_1_to_400")) {
      insert.setString(1, grant + "-aged-");
      insert.setString(2, grant);
      assertEquals(400, insert.executeUpdate());
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Database.rows("SELECT id FROM " + Database.ACCESS_TOKENS + " WHERE grant_id = ? AND expires_at = 1000",
        grant).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "the aged rows were not purged within 60 s");
      Thread.sleep(500);
    }
    String log = Files.readString(nodeB.log());
    assertTrue(!log.contains("Purge of "), "node B's purge stopped on an error:\n" + log);
    assertTrue(activeAt(nodeB(), tokens.string("access_token")), "the live token of the grant stays");
  }

  @Test
  void cluster_whenBothNodesServe_thenTheSameJwksAndTheSameSigningKeyPerAlgorithm() {
    JsonObject jwksA = SignedJwts.jwks(URI.create(url.toString()));
    JsonObject jwksB = SignedJwts.jwks(URI.create(nodeB()));
    assertEquals(jwksA, jwksB, "both nodes publish the same keys, in the same order");
    for (String alg : List.of("RS256", "ES256")) {
      String fromA = SignedJwts.sign(URI.create(url.toString()), alg);
      String fromB = SignedJwts.sign(URI.create(nodeB()), alg);
      assertEquals(SignedJwts.kid(fromA), SignedJwts.kid(fromB), alg + ": both nodes sign with the same key");
      assertTrue(SignedJwts.verifies(fromB, jwksA), alg + ": node B's JWT verifies against node A's JWKS");
      assertTrue(SignedJwts.verifies(fromA, jwksB), alg + ": node A's JWT verifies against node B's JWKS");
    }
  }

  /** The SSO session lives in the database: a browser signed in at node A is signed in at node B too. */
  @Test
  void sso_whenSignedInAtOneNode_thenTheOtherNodeIssuesACodeWithoutAnyPage() throws Exception {
    UserAgent agent = new UserAgent(URI.create(url.toString()));
    HttpResponse<String> toLogin = agent.authorize(
        Fixtures.authorizeParams(Fixtures.OIDC, Fixtures.OIDC_REDIRECT, "openid", Pkce.create(), "a"));
    Map<String, String> form = UserAgent.hiddenFields(agent.get(UserAgent.location(toLogin)).body());
    form.put("username", Fixtures.ALICE);
    form.put("password", Fixtures.ALICE_PASSWORD);
    HttpResponse<String> signedIn = agent.postForm("/login", form);
    String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("GATEHOUSE_SSO="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    agent.authorizeAndAllow(
        Fixtures.authorizeParams(Fixtures.OIDC, Fixtures.OIDC_REDIRECT, "openid", Pkce.create(), "a2"), "-", "-");
    // The same browser at node B: only its SSO cookie goes along (a browser would send it to the load balancer).
    Map<String, String> second = Fixtures.authorizeParams(Fixtures.OIDC, Fixtures.OIDC_REDIRECT, "openid",
        Pkce.create(), "b");
    second.put("prompt", "none");
    HttpResponse<String> atB = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(nodeB() + "/oauth2/authorize?" + UserAgent.form(second)))
        .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, atB.statusCode(), atB::body);
    Map<String, String> query = Fixtures.query(URI.create(UserAgent.location(atB)));
    assertTrue(query.containsKey("code"), () -> "node B knew the session: " + query);
    assertEquals("b", query.get("state"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // A peer that misses a message: stale for at most its cache max age

  @Test
  void cluster_whenAPeerMissedTheRevocation_thenItReportsTheTokenInactiveWithinItsCacheMaxAge() throws Exception {
    String access = Flows.basicClientTokens(URI.create(url.toString()), "read").string("access_token");
    assertTrue(activeAt(nodeB(), access), "node B sees the token (and caches it)");
    int sent = toB.calls().size();
    toB.cut(true);
    try {
      HttpResponse<String> revocation = revoke(nodeA(), access);
      assertEquals(200, revocation.statusCode(), "the revocation answers although node B could not confirm");
      assertTrue(toB.calls().stream().skip(sent).anyMatch(call -> !call.forwarded()), "node A's message was lost");
      assertFalse(activeAt(nodeA(), access));
      eventually("node B, which never got the message, reports the revoked token inactive",
          () -> !activeAt(nodeB(), access));
    } finally {
      toB.cut(false);
    }
  }

  @Test
  void cluster_whenAPeerMissedASecretRotation_thenItRefusesTheOldSecretWithinItsCacheMaxAge() throws Exception {
    ResourceEndpoints atA = new ResourceEndpoints(URI.create(nodeA()));
    ResourceEndpoints atB = new ResourceEndpoints(URI.create(nodeB()));
    String admin = atA.serviceToken(ClientAuth.basic(AUTOMATION, AUTOMATION_SECRET), "gatehouse:admin");
    String id = "it-cluster-" + UUID.randomUUID();
    JsonObject created = admin(atA, "POST", "/clients", admin, """
        {"client_id": "%s", "client_name": "Cluster %s", "grant_types": ["client_credentials"], "scope": "read"}
        """.formatted(id, id), 201);
    String oldSecret = created.getString("client_secret");
    atB.serviceToken(ClientAuth.basic(id, oldSecret), "read"); // node B caches the client
    toB.cut(true);
    try {
      String newSecret = admin(atA, "POST", "/clients/" + id + "/secret", admin, null, 200).getString("client_secret");
      assertEquals(401, atA.token(ServiceFixtures.clientCredentials("read"), ClientAuth.basic(id, oldSecret)).status());
      eventually("node B, which never got the message, refuses the rotated-out secret",
          () -> atB.token(ServiceFixtures.clientCredentials("read"), ClientAuth.basic(id, oldSecret)).status() == 401);
      atB.serviceToken(ClientAuth.basic(id, newSecret), "read");
    } finally {
      toB.cut(false);
    }
    admin(atA, "DELETE", "/clients/" + id, admin, null, 204);
  }

  /** An admin API call at a node; asserts the status, returns the JSON body (null when empty). */
  private static JsonObject admin(ResourceEndpoints node, String method, String path, String token, String json,
      int status) {
    HttpResponse<String> answer = node.send(HttpRequest.newBuilder(node.resolve("/admin/api" + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    assertEquals(status, answer.statusCode(), answer::body);
    if (answer.body().isEmpty()) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
      return reader.readObject();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Forged, replayed and old invalidations: refused, nothing flushed

  @Test
  void cluster_whenAnInvalidationIsForgedReplayedOrOld_thenRefusedAs404AndNothingIsFlushed() throws Exception {
    String captured = acceptedAllTokensMessage();
    Duration maxAgeA = Duration.parse(System.getenv().getOrDefault("GATEHOUSE_CACHE_MAX_AGE", "PT30S"));
    for (int round = 1; ; round++) {
      long started = System.nanoTime();
      String stale = staleAtNodeA();
      Map<String, HttpRequest.Builder> forgeries = new LinkedHashMap<>();
      forgeries.put("made with another secret", message(allTokens(Instant.now()),
          ClusterKey.derive("not-the-cluster-secret-0123456789abcdefghij")));
      forgeries.put("sent five minutes ago", message(allTokens(Instant.now().minusSeconds(300)), clusterKey()));
      forgeries.put("sent five minutes ahead", message(allTokens(Instant.now().plusSeconds(300)), clusterKey()));
      forgeries.put("a replay of a message node A accepted", toNodeA(captured));
      forgeries.put("the old form with the secret in a header", HttpRequest.newBuilder(invalidationUri())
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-Gatehouse-Cluster-Secret", clusterSecret())
          .POST(HttpRequest.BodyPublishers.ofString("kind=ALL_TOKENS&key=*")));
      forgeries.put("an oversized body", toNodeA(captured + "A".repeat(InvalidationMessage.MAX_LENGTH)));
      for (Map.Entry<String, HttpRequest.Builder> forgery : forgeries.entrySet()) {
        HttpResponse<String> answer = HTTP.send(forgery.getValue().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, answer.statusCode(), forgery.getKey());
      }
      assertEquals(404, HTTP.send(HttpRequest.newBuilder(invalidationUri()).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode(), "any other method: as if there were no endpoint");
      boolean stillCached = activeAt(nodeA(), stale);
      if (System.nanoTime() - started < maxAgeA.toNanos()) {
        // The entry cannot have expired yet, so "inactive" could only mean a refused call flushed the cache.
        assertTrue(stillCached, "a refused invalidation flushed node A's cache");
        HttpResponse<String> authentic = HTTP.send(message(allTokens(Instant.now()), clusterKey()).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(204, authentic.statusCode(), "an authentic, fresh, new message is applied");
        assertFalse(activeAt(nodeA(), stale), "and it does flush: so the check above could see a flush");
        return;
      }
      assertTrue(round < 3, "three rounds each took longer than node A's cache max age " + maxAgeA);
    }
  }

  /**
   * A token that node A has cached as active while the database says revoked: revoked at node B while B's message to
   * A is lost.
   */
  private String staleAtNodeA() throws Exception {
    String access = Flows.basicClientTokens(URI.create(url.toString()), "read").string("access_token");
    assertTrue(activeAt(nodeA(), access), "node A caches the token");
    toA.cut(true);
    try {
      assertEquals(200, revoke(nodeB(), access).statusCode());
    } finally {
      toA.cut(false);
    }
    assertFalse(activeAt(nodeB(), access));
    return access;
  }

  /**
   * An ALL_TOKENS message that node B sent and node A accepted (a refresh-token revocation revokes its grant), as it
   * crossed the wire. No call between the nodes carries the cluster secret.
   */
  private String acceptedAllTokensMessage() throws Exception {
    int sent = toA.calls().size();
    String refresh = Flows.basicClientTokens(URI.create(url.toString()), "read").string("refresh_token");
    assertEquals(200, revoke(nodeB(), refresh).statusCode());
    List<PeerLink.Call> all = toA.calls();
    List<PeerLink.Call> calls = all.subList(sent, all.size());
    assertFalse(calls.toString().contains(clusterSecret()), "the cluster secret travelled between the nodes");
    return calls.stream()
        .filter(c -> c.forwarded() && c.status() == 204 && "ALL_TOKENS".equals(claims(c.body()).getString("kind", "")))
        .findFirst().orElseThrow(() -> new AssertionError("node A accepted no ALL_TOKENS message: " + calls))
        .body();
  }

  /** The claims of a message as seen on the wire (not checked: the test reads what it captured). */
  private static JsonObject claims(String message) {
    String[] parts = message.split("\\.");
    try (JsonReader reader = Json.createReader(new StringReader(
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
      return reader.readObject();
    } catch (RuntimeException notAJws) {
      return Json.createObjectBuilder().build();
    }
  }

  private static InvalidationMessage.Content allTokens(Instant sentAt) {
    return new InvalidationMessage.Content(new Invalidation("ALL_TOKENS", "*"), sentAt, RandomTokens.generate());
  }

  private HttpRequest.Builder message(InvalidationMessage.Content content, ClusterKey key) {
    return toNodeA(InvalidationMessage.sign(content, key));
  }

  private HttpRequest.Builder toNodeA(String body) {
    return HttpRequest.newBuilder(invalidationUri())
        .header("Content-Type", InvalidationMessage.MEDIA_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private URI invalidationUri() {
    return URI.create(nodeA() + "/internal/token-cache");
  }

  /** The test run's cluster secret: the one the pom gives node A (and B, which inherits A's environment). */
  private static String clusterSecret() {
    return System.getenv("GATEHOUSE_CLUSTER_SECRET");
  }

  private static ClusterKey clusterKey() {
    return ClusterKey.derive(clusterSecret());
  }

  /** Node A runs with the loopback test grid of {@code arquillian.xml}: Gatehouse says so, and how to turn it off. */
  @Test
  void whenTheServerRunsADataGrid_thenGatehouseWarnsAtStartUpWithWhatRunsAndHowToTurnItOff() throws Exception {
    String log = serverLog();

    assertTrue(log.contains("This server runs a data grid (Hazelcast): cluster name gatehouse-it-"), log);
    assertTrue(log.contains("discovery TCP-IP [127.0.0.1:6900]"), "the discovery it was started with");
    assertTrue(log.contains("no member authentication"));
    assertTrue(log.contains("start Payara Micro with --nohazelcast and without --nocluster"));
    assertTrue(log.contains("Data grid:     RUNNING, see the warning above"));
  }

  /** Node B is started as the README starts Gatehouse ({@code --nohazelcast}): Payara starts no grid, no warning. */
  @Test
  void whenStartedAsTheReadmeSays_thenNoDataGridAndNoWarning() throws Exception {
    String log = Files.readString(nodeB.log());

    assertTrue(log.contains("Data grid:     none"), log);
    assertFalse(log.contains("runs a data grid"), log);
    assertFalse(log.contains("Hazelcast Instance Bound to JNDI"), "Payara started no Hazelcast member");
  }

  /** Payara's /health, /metrics and /openapi are not on the public listener (the shipped pre-boot file). */
  @Test
  void whenStartedWithTheShippedPreBootFile_thenPayarasHealthMetricsAndOpenApiAnswer404() throws Exception {
    for (String node : List.of(url.toString().replaceAll("/$", ""), nodeB())) {
      for (String path : List.of("/health", "/health/ready", "/health/live", "/health/started", "/metrics",
          "/metrics/base", "/openapi", "/openapi/")) {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode(), () -> node + path + " -> " + response.body());
      }
    }
  }

  /** Node A's log: Payara writes {@code --logtofile NAME} as {@code NAME.0} (java.util.logging's generation). */
  private static String serverLog() throws IOException {
    Path configured = Path.of(System.getProperty("gatehouse.it.logFile"));
    String name = configured.getFileName().toString();
    try (Stream<Path> files = Files.list(configured.getParent())) {
      Path newest = files.filter(f -> f.getFileName().toString().startsWith(name) && !f.toString().endsWith(".lck"))
          .max(Comparator.comparingLong(f -> f.toFile().lastModified()))
          .orElseThrow(() -> new AssertionError("no server log " + configured + "*"));
      return Files.readString(newest);
    }
  }
}
