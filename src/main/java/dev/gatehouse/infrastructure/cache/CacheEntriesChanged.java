package dev.gatehouse.infrastructure.cache;

import dev.gatehouse.infrastructure.cache.CacheInvalidation.Kind;
import dev.gatehouse.infrastructure.cache.CacheInvalidation;

/**
 * Cached rows that the transaction this is fired in has changed: once it commits, {@link CacheInvalidation} forgets
 * them here and on every peer (the mechanism is described in {@link dev.gatehouse.application}).
 */
public record CacheEntriesChanged(Kind kind, String key) {

  /** One access token, by hash. */
  public static CacheEntriesChanged token(String hash) {
    return new CacheEntriesChanged(Kind.TOKEN, hash);
  }

  /** Every access token: a bulk revocation by grant, user or client. */
  public static CacheEntriesChanged allTokens() {
    return new CacheEntriesChanged(Kind.ALL_TOKENS, "*");
  }

  /** One client, by id. */
  public static CacheEntriesChanged client(String clientId) {
    return new CacheEntriesChanged(Kind.CLIENT, clientId);
  }
}
