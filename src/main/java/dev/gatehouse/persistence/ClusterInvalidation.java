package dev.gatehouse.persistence;

import dev.gatehouse.protocol.support.ConstantTime;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells the other nodes of a cluster that a token was revoked (or a client changed), and waits for them: the revoking
 * request answers only after every reachable peer has dropped the entry from its cache, so no node reports a revoked
 * token active afterwards.
 *
 * <p>Peers are the base URLs in {@code GATEHOUSE_CLUSTER_PEERS} (comma-separated, reachable from this node), which
 * call each other's {@code POST /internal/token-cache} with {@code GATEHOUSE_CLUSTER_SECRET}. Plain HTTP between
 * nodes keeps this portable (no server-specific clustering API) and easy to reason about. A peer that does not answer
 * within {@code GATEHOUSE_CLUSTER_TIMEOUT} is logged: it is down or cut off, and cannot serve a stale answer to a
 * client that reaches the others. Without peers this does nothing.
 */
@ApplicationScoped
public class ClusterInvalidation {

  private static final Logger LOG = Logger.getLogger(ClusterInvalidation.class.getName());
  /** The header a peer's invalidation call carries the cluster secret in. */
  public static final String SECRET_HEADER = "X-Gatehouse-Cluster-Secret";

  @Inject
  @ConfigProperty(name = "GATEHOUSE_CLUSTER_PEERS")
  Optional<String> peerList;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_CLUSTER_SECRET")
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_CLUSTER_TIMEOUT", defaultValue = "PT2S")
  Duration timeout;

  private List<URI> peers = List.of();
  private HttpClient http;

  @PostConstruct
  void init() {
    peers = peerList.stream()
        .flatMap(list -> Arrays.stream(list.split(",")))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(base -> URI.create(base.endsWith("/") ? base + "internal/token-cache" : base + "/internal/token-cache"))
        .toList();
    if (!peers.isEmpty() && secret.map(String::length).orElse(0) < 32) {
      throw new IllegalStateException("GATEHOUSE_CLUSTER_PEERS needs GATEHOUSE_CLUSTER_SECRET of at least 32 characters");
    }
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  /** Sends the invalidation to every peer in parallel and waits for all of them (bounded by the timeout). */
  void broadcast(CacheInvalidation.Kind kind, String key) {
    if (peers.isEmpty()) {
      return;
    }
    String body = "kind=" + kind + "&key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    CompletableFuture<?>[] calls = peers.stream()
        .map(peer -> http.sendAsync(HttpRequest.newBuilder(peer)
                    .timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header(SECRET_HEADER, secret.orElseThrow())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.discarding())
            .handle((response, error) -> {
              if (error != null || response.statusCode() != 204) {
                LOG.warning(() -> "Peer " + peer + " did not confirm a cache invalidation: "
                    + (error != null ? error : "HTTP " + response.statusCode()));
              }
              return null;
            }))
        .toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(calls).join();
  }

  /** For the start-up banner: the peers, or that there are none. */
  public String describe() {
    return peers.isEmpty() ? "none (single node)" : peers.toString();
  }

  /** Whether a peer's call carries the cluster secret (constant-time). Never true without peers configured. */
  public boolean authorized(String presented) {
    return !peers.isEmpty() && secret.isPresent() && ConstantTime.equals(presented, secret.get());
  }
}
