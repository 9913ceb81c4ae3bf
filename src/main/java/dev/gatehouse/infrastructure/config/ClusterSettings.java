package dev.gatehouse.infrastructure.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The other nodes of a cluster, told of every revocation so that they drop it from their caches
 * ({@code ClusterInvalidation}).
 *
 * @param peers the other nodes' base URLs, comma-separated, as configured
 * @param secret the shared secret the message key is derived from; never logged
 * @param timeout how long to wait for each peer to confirm
 */
public record ClusterSettings(Optional<String> peers, Optional<String> secret, Duration timeout) {

  public static final Setting PEERS = Setting.optional("GATEHOUSE_CLUSTER_PEERS", "—",
      "The other nodes' base URLs, comma-separated, for invalidating caches on revocation.");
  public static final Setting SECRET = Setting.optional("GATEHOUSE_CLUSTER_SECRET", "—",
      "The shared secret, the same on every node, that authenticates those calls.");
  public static final Setting TIMEOUT = Setting.of("GATEHOUSE_CLUSTER_TIMEOUT", "PT2S",
      "How long a node waits for each peer to confirm an invalidation.");

  public static ClusterSettings read(SettingsReader settings) {
    return new ClusterSettings(settings.raw(PEERS), settings.raw(SECRET), settings.duration(TIMEOUT));
  }
}
