package dev.gatehouse.infrastructure.cache;

import dev.gatehouse.protocol.client.Client;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import dev.gatehouse.infrastructure.persistence.JpaClientStore;

/**
 * Registered clients by id: every token, introspection and revocation request authenticates a client, and a client
 * changes rarely. A change ({@link JpaClientStore#save}, a deletion) invalidates the entry once committed, here and on
 * every reachable peer ({@link CacheInvalidation}); {@link ConsistentCache} keeps a racing read from bringing the old
 * one back, and drops every entry after {@code GATEHOUSE_CACHE_MAX_AGE} ({@link CacheSettings}), so a node that missed
 * the message stops accepting a deleted client or a rotated secret within that time.
 */
@ApplicationScoped
public class ClientCache {

  private static final int MAX_ENTRIES = 50_000;

  @Inject CacheSettings settings;

  private ConsistentCache<Client> cache;

  @PostConstruct
  void init() {
    cache = settings.cache(MAX_ENTRIES);
  }

  public Optional<Client> find(String clientId, Supplier<Optional<Client>> database) {
    return cache.get(clientId, client -> true, database);
  }

  void changed(String clientId) {
    cache.invalidate(clientId);
  }
}
