package dev.gatehouse.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.support.MutableClock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The cache's promises: a value invalidated by a committed change is never served again, whatever the race; and no
 * value is served longer than the maximum age after the database read it came from, invalidated or not.
 */
class ConsistentCacheTest {

  private static final Duration MAX_AGE = Duration.ofSeconds(30);
  private final MutableClock clock = MutableClock.startingAt2025();

  private ConsistentCache<String> cache(int maxEntries) {
    return new ConsistentCache<>(maxEntries, MAX_AGE, clock);
  }

  /** A cache holding "active" for k, whose row is then revoked on another node without a message reaching this one. */
  private ConsistentCache<String> cachedThenRevokedElsewhere() {
    ConsistentCache<String> cache = cache(10);
    cache.get("k", v -> true, () -> Optional.of("active"));
    return cache;
  }

  @Test
  void whenYoungerThanTheMaxAge_thenServedFromTheCache() {
    ConsistentCache<String> cache = cachedThenRevokedElsewhere();
    clock.advance(MAX_AGE.minusMillis(1));
    assertEquals(Optional.of("active"), cache.get("k", v -> true, Optional::empty), "stale, but within the bound");
  }

  @Test
  void whenTheMaxAgeHasPassedWithoutAnInvalidation_thenTheNextReadGoesToTheDatabase() {
    ConsistentCache<String> cache = cachedThenRevokedElsewhere();
    clock.advance(MAX_AGE);
    assertEquals(Optional.empty(), cache.get("k", v -> true, Optional::empty));
    assertEquals(0, cache.size(), "the expired entry is gone");
  }

  @Test
  void whenReloadedAfterTheMaxAge_thenTheNewEntryAgesFromItsOwnRead() {
    ConsistentCache<String> cache = cache(10);
    AtomicInteger reads = new AtomicInteger();
    Supplier<Optional<String>> database = () -> Optional.of("v" + reads.incrementAndGet());
    cache.get("k", v -> true, database);
    clock.advance(MAX_AGE);
    assertEquals(Optional.of("v2"), cache.get("k", v -> true, database));
    clock.advance(MAX_AGE.minusMillis(1));
    assertEquals(Optional.of("v2"), cache.get("k", v -> true, database));
    assertEquals(2, reads.get());
  }

  @Test
  void whenTheDatabaseReadIsSlow_thenTheAgeCountsFromBeforeTheRead() {
    ConsistentCache<String> cache = cache(10);
    cache.get("k", v -> true, () -> {
      clock.advance(Duration.ofSeconds(20)); // the row was read at the start; the answer arrives 20 s later
      return Optional.of("old");
    });
    clock.advance(Duration.ofSeconds(10));
    assertEquals(Optional.of("new"), cache.get("k", v -> true, () -> Optional.of("new")),
        "30 s after the read began, the entry is too old although it was put 10 s ago");
  }

  @Test
  void whenTheMaxAgeIsNotPositive_thenRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ConsistentCache<String>(10, Duration.ZERO, clock));
    assertThrows(IllegalArgumentException.class,
        () -> new ConsistentCache<String>(10, Duration.ofSeconds(-1), clock));
  }

  @Test
  void whenLoadedOnce_thenServedWithoutAnotherDatabaseRead() {
    ConsistentCache<String> cache = cache(10);
    AtomicInteger reads = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.of("v"), cache.get("k", v -> true, () -> {
        reads.incrementAndGet();
        return Optional.of("v");
      }));
    }
    assertEquals(1, reads.get());
  }

  @Test
  void whenInvalidated_thenTheNextReadGoesToTheDatabase() {
    ConsistentCache<String> cache = cache(10);
    AtomicReference<String> database = new AtomicReference<>("active");
    cache.get("k", v -> true, () -> Optional.ofNullable(database.get()));
    database.set(null); // revoked and committed...
    cache.invalidate("k"); // ...then invalidated
    assertEquals(Optional.empty(), cache.get("k", v -> true, () -> Optional.ofNullable(database.get())));
  }

  @Test
  void whenAReadOfTheOldRowFinishesAfterTheInvalidation_thenItIsNotCached() throws Exception {
    ConsistentCache<String> cache = cache(10);
    CountDownLatch readDone = new CountDownLatch(1);
    CountDownLatch invalidated = new CountDownLatch(1);
    // The load reads the row while it is still active, then stalls until the revocation has committed and
    // invalidated; only then does it try to cache what it read.
    CompletableFuture<Optional<String>> load = CompletableFuture.supplyAsync(() -> cache.get("k", v -> true, () -> {
      readDone.countDown();
      await(invalidated);
      return Optional.of("active (stale)");
    }));
    assertTrue(readDone.await(5, TimeUnit.SECONDS));
    cache.invalidate("k");
    invalidated.countDown();
    assertEquals(Optional.of("active (stale)"), load.get(5, TimeUnit.SECONDS), "that in-flight answer began before");
    assertEquals(0, cache.size(), "but it must not be cached");
    assertEquals(Optional.empty(), cache.get("k", v -> true, Optional::empty), "the next read asks the database");
  }

  @Test
  void whenInvalidatedAll_thenNothingIsServedFromBefore() {
    ConsistentCache<String> cache = cache(10);
    cache.get("a", v -> true, () -> Optional.of("1"));
    cache.get("b", v -> true, () -> Optional.of("2"));
    cache.invalidateAll();
    assertEquals(0, cache.size());
  }

  @Test
  void whenStale_thenReloaded() {
    ConsistentCache<String> cache = cache(10);
    cache.get("k", v -> true, () -> Optional.of("old"));
    assertEquals(Optional.of("new"), cache.get("k", v -> !v.equals("old"), () -> Optional.of("new")));
  }

  @Test
  void whenFull_thenEmptiedAndStillCorrect() {
    ConsistentCache<String> cache = cache(2);
    cache.get("a", v -> true, () -> Optional.of("1"));
    cache.get("b", v -> true, () -> Optional.of("2"));
    assertEquals(Optional.of("3"), cache.get("c", v -> true, () -> Optional.of("3")));
    assertTrue(cache.size() <= 2);
  }

  @Test
  void whenDisabled_thenEveryReadGoesToTheDatabase() {
    ConsistentCache<String> cache = cache(0);
    AtomicInteger reads = new AtomicInteger();
    cache.get("k", v -> true, () -> Optional.of("v" + reads.incrementAndGet()));
    assertEquals(Optional.of("v2"), cache.get("k", v -> true, () -> Optional.of("v" + reads.incrementAndGet())));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(5, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
