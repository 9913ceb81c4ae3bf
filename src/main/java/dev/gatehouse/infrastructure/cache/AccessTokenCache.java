package dev.gatehouse.infrastructure.cache;

import dev.gatehouse.infrastructure.config.Setting;
import dev.gatehouse.infrastructure.config.SettingsReader;
import dev.gatehouse.protocol.store.AccessToken;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Active access tokens by hash, so introspection and the bearer check skip the database on the hot path (the seed
 * names LoadAccess as the call to cache). Only tokens the database reported active are cached, an entry is dropped
 * once its token expires, and {@link ConsistentCache} makes sure a committed revocation is never undone by a racing
 * read. {@link CacheInvalidation} runs the invalidation inside the revocation's commit, here and on every reachable
 * peer, so the revoking request answers only after no reachable node can report the token active; a node that missed
 * the message asks the database again within {@code GATEHOUSE_CACHE_MAX_AGE} ({@link CacheSettings}).
 * {@code GATEHOUSE_TOKEN_CACHE_SIZE} bounds the entries (0 switches the cache off).
 */
@ApplicationScoped
public class AccessTokenCache {

  static final Setting SIZE = Setting.of("GATEHOUSE_TOKEN_CACHE_SIZE", "200000",
      "Active access tokens cached per node; 0 switches the cache off.");

  @Inject CacheSettings settings;

  private ConsistentCache<AccessToken> cache;

  @PostConstruct
  void init() {
    cache = settings.cache(SettingsReader.microProfileConfig().integer(SIZE));
  }

  /** The active token for this hash: from the cache, or from {@code database} (whose answer is then cached). */
  public Optional<AccessToken> findActive(String hash, Instant now, Supplier<Optional<AccessToken>> database) {
    return cache.get(hash, token -> token.expiresAt().isAfter(now), database);
  }

  /** A committed revocation of one token. */
  void revoked(String hash) {
    cache.invalidate(hash);
  }

  /** A committed bulk revocation (by grant, user or client): forget every entry. */
  void revokedMany() {
    cache.invalidateAll();
  }
}
