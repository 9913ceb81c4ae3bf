package dev.gatehouse.persistence;

import dev.gatehouse.protocol.client.Client;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Registered clients by id: every token, introspection and revocation request authenticates a client, and a client
 * changes rarely. A change ({@link JpaClientStore#save}) invalidates the entry once committed, here and on every peer
 * ({@link CacheInvalidation}); {@link ConsistentCache} keeps a racing read from bringing the old one back.
 */
@ApplicationScoped
public class ClientCache {

  private final ConsistentCache<Client> cache = new ConsistentCache<>(50_000);

  Optional<Client> find(String clientId, Supplier<Optional<Client>> database) {
    return cache.get(clientId, client -> true, database);
  }

  void changed(String clientId) {
    cache.invalidate(clientId);
  }
}
