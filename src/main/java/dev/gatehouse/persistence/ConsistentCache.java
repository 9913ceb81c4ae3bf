package dev.gatehouse.persistence;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A per-node cache that never serves a value invalidated by a committed change:
 *
 * <ul>
 *   <li>every invalidation bumps {@link #generation} and then removes the entry (or all entries);
 *   <li>a load remembers the generation from before its database read, puts its result, then removes it again if the
 *       generation moved meanwhile — so a read that raced a change never leaves a stale entry, whatever the
 *       interleaving (the invalidation's removal comes after its bump, the load's re-check after its put).
 * </ul>
 *
 * Only values the database returned are cached (no negative entries: unknown keys cost memory an attacker controls).
 * At {@code maxEntries} the cache is emptied, which costs some reads and never correctness; 0 disables it.
 *
 * @param <V> the cached value
 */
final class ConsistentCache<V> {

  private final ConcurrentHashMap<String, V> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final int maxEntries;

  ConsistentCache(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  /** The cached value if {@code fresh} accepts it, else the database's (cached when present). */
  Optional<V> get(String key, Predicate<V> fresh, Supplier<Optional<V>> database) {
    V cached = maxEntries > 0 ? entries.get(key) : null;
    if (cached != null) {
      if (fresh.test(cached)) {
        return Optional.of(cached);
      }
      entries.remove(key, cached);
    }
    long before = generation.get();
    Optional<V> loaded = database.get();
    if (loaded.isPresent() && maxEntries > 0) {
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
      V value = loaded.get();
      entries.put(key, value);
      if (generation.get() != before) {
        entries.remove(key, value);
      }
    }
    return loaded;
  }

  void invalidate(String key) {
    generation.incrementAndGet();
    entries.remove(key);
  }

  void invalidateAll() {
    generation.incrementAndGet();
    entries.clear();
  }

  int size() {
    return entries.size();
  }
}
