package dev.gatehouse.infrastructure.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A per-node cache that never serves a value invalidated by a committed change, and never one older than its maximum
 * age:
 *
 * <ul>
 *   <li>every invalidation bumps {@link #generation} and then removes the entry (or all entries);
 *   <li>a load remembers the generation from before its database read, puts its result, then removes it again if the
 *       generation moved meanwhile — so a read that raced a change never leaves a stale entry, whatever the
 *       interleaving (the invalidation's removal comes after its bump, the load's re-check after its put);
 *   <li>an entry is served only until {@code maxAge} after the clock's time before its database read, so a change
 *       whose invalidation never arrived (a peer that missed the message) is seen at most {@code maxAge} late.
 * </ul>
 *
 * Only values the database returned are cached (no negative entries: unknown keys cost memory an attacker controls).
 * At {@code maxEntries} the cache is emptied, which costs some reads and never correctness; 0 disables it.
 *
 * @param <V> the cached value
 */
final class ConsistentCache<V> {

  /** A cached value and when it stops being served; identity, not equality, tells two loads apart. */
  private static final class Entry<V> {
    final V value;
    final Instant expiresAt;

    Entry(V value, Instant expiresAt) {
      this.value = value;
      this.expiresAt = expiresAt;
    }
  }

  private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final int maxEntries;
  private final Duration maxAge;
  private final Clock clock;

  ConsistentCache(int maxEntries, Duration maxAge, Clock clock) {
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive");
    }
    this.maxEntries = maxEntries;
    this.maxAge = maxAge;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The cached value if it is younger than the maximum age and {@code fresh} accepts it, else the database's. */
  Optional<V> get(String key, Predicate<V> fresh, Supplier<Optional<V>> database) {
    Instant now = clock.instant();
    Entry<V> cached = maxEntries > 0 ? entries.get(key) : null;
    if (cached != null) {
      if (now.isBefore(cached.expiresAt) && fresh.test(cached.value)) {
        return Optional.of(cached.value);
      }
      entries.remove(key, cached);
    }
    long before = generation.get();
    Optional<V> loaded = database.get();
    if (loaded.isPresent() && maxEntries > 0) {
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
      Entry<V> entry = new Entry<>(loaded.get(), now.plus(maxAge)); // aged from before the read
      entries.put(key, entry);
      if (generation.get() != before) {
        entries.remove(key, entry);
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
