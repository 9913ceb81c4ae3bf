package dev.gatehouse.infrastructure.cluster;

import dev.gatehouse.infrastructure.config.ClusterSettings;
import dev.gatehouse.infrastructure.config.SettingsReader;
import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.cluster.ClusterKey;
import dev.gatehouse.protocol.cluster.Invalidation;
import dev.gatehouse.protocol.cluster.InvalidationMessage;
import dev.gatehouse.protocol.cluster.InvalidationReceiver;
import dev.gatehouse.protocol.support.RandomTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import dev.gatehouse.infrastructure.cache.CacheInvalidation;
import dev.gatehouse.infrastructure.cache.CacheSettings;

/**
 * Tells the other nodes of a cluster that a token was revoked (or a client changed), and waits for them: the revoking
 * request answers only after every reachable peer has dropped the entry from its cache. A peer that does not confirm
 * within {@code GATEHOUSE_CLUSTER_TIMEOUT} (down, cut off, or refusing the message) is logged; it asks the database
 * again within {@code GATEHOUSE_CACHE_MAX_AGE} ({@link CacheSettings}), so it is stale for at most that long.
 *
 * <p>Peers are the base URLs in {@code GATEHOUSE_CLUSTER_PEERS} (comma-separated, reachable from this node), which
 * {@code POST} each other's {@code /internal/token-cache} an {@link InvalidationMessage}: a JWS MAC'd with a key
 * derived from {@code GATEHOUSE_CLUSTER_SECRET}, which itself never travels. {@link #receive} applies the protocol's
 * {@link InvalidationReceiver} to a peer's message. Plain HTTP between nodes keeps this portable (no server-specific
 * clustering API); the MAC makes a message unforgeable, not secret, so TLS between nodes is still advised. Without
 * peers this sends nothing and accepts nothing.
 */
@ApplicationScoped
public class ClusterInvalidation {

  private static final SafeLog LOG = SafeLog.of(ClusterInvalidation.class);

  @Inject Clock clock;
  @Inject CacheSettings caches;

  private List<URI> peers = List.of();
  private ClusterKey key;
  private InvalidationReceiver receiver;
  private HttpClient http;
  private Duration timeout;

  @PostConstruct
  void init() {
    ClusterSettings settings = ClusterSettings.read(SettingsReader.microProfileConfig());
    Optional<String> secret = settings.secret();
    timeout = settings.timeout();
    peers = settings.peers().stream()
        .flatMap(list -> Arrays.stream(list.split(",")))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(base -> URI.create(base.endsWith("/") ? base + "internal/token-cache" : base + "/internal/token-cache"))
        .toList();
    if (!peers.isEmpty()) {
      if (secret.map(String::length).orElse(0) < ClusterKey.MIN_SECRET_LENGTH) {
        throw new IllegalStateException("GATEHOUSE_CLUSTER_PEERS needs GATEHOUSE_CLUSTER_SECRET of at least "
            + ClusterKey.MIN_SECRET_LENGTH + " characters");
      }
      key = ClusterKey.derive(secret.get());
      receiver = new InvalidationReceiver(key, clock);
    }
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  /** Sends the invalidation to every peer in parallel and waits for all of them (bounded by the timeout). */
  public void broadcast(CacheInvalidation.Kind kind, String cacheKey) {
    if (peers.isEmpty()) {
      return;
    }
    String message;
    try {
      message = InvalidationMessage.sign(new InvalidationMessage.Content(
          new Invalidation(kind.name(), cacheKey), clock.instant(), RandomTokens.generate()), key);
    } catch (IllegalArgumentException unfit) {
      LOG.warning("A {} invalidation has a key that no message can carry; peers catch up within their"
          + " GATEHOUSE_CACHE_MAX_AGE ({} here)", kind, caches.maxAge());
      return;
    }
    CompletableFuture<?>[] calls = peers.stream()
        .map(peer -> http.sendAsync(HttpRequest.newBuilder(peer)
                    .timeout(timeout)
                    .header("Content-Type", InvalidationMessage.MEDIA_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(message))
                    .build(),
                HttpResponse.BodyHandlers.discarding())
            .handle((response, error) -> {
              if (error != null || response.statusCode() != 204) {
                LOG.warning("Peer {} did not confirm a cache invalidation ({}); it catches up within its"
                    + " GATEHOUSE_CACHE_MAX_AGE ({} here)", peer,
                    error != null ? error : "HTTP " + response.statusCode(), caches.maxAge());
              }
              return null;
            }))
        .toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(calls).join();
  }

  /**
   * The invalidation a peer's {@code message} asks for, when it is authentic, fresh and new; empty (and nothing
   * remembered) otherwise, and always without peers configured.
   */
  public Optional<Invalidation> receive(String message) {
    if (receiver == null) {
      return Optional.empty();
    }
    InvalidationReceiver.Received received = receiver.receive(message);
    switch (received.verdict()) {
      case ACCEPTED -> {
        return Optional.of(received.invalidation());
      }
      case OUT_OF_WINDOW -> LOG.warning("Refused a cache invalidation sent {} from this node's clock (at most {}"
          + " either way): check the nodes' clocks", received.skew(), InvalidationReceiver.MAX_SKEW);
      case TOO_MANY -> LOG.warning("Refused a cache invalidation: {} recent ones remembered already",
          InvalidationReceiver.MAX_REMEMBERED);
      default -> LOG.fine("Refused a cache invalidation: {}", received.verdict());
    }
    return Optional.empty();
  }

  /** For the start-up banner: the peers, or that there are none. Also checks the cache settings at start-up. */
  public String describe() {
    Duration maxAge = caches.maxAge();
    return peers.isEmpty() ? "none (single node)"
        : peers + " (a peer that misses an invalidation is stale for at most " + maxAge + ")";
  }
}
