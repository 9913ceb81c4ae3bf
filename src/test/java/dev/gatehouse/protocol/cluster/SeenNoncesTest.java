package dev.gatehouse.protocol.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.protocol.cluster.InvalidationReceiver.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The replay memory: bounded, and it forgets a nonce once its message could no longer be accepted anyway. */
class SeenNoncesTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void whenExpiredNoncesAreOlderThanNow_thenForgottenFromTheOldestOn() {
    SeenNonces seen = new SeenNonces(10);
    for (int i = 0; i < 5; i++) {
      assertEquals(Verdict.ACCEPTED, seen.remember("n" + i, NOW.plusSeconds(i), NOW));
    }
    assertEquals(Verdict.ACCEPTED, seen.remember("late", NOW.plusSeconds(60), NOW.plusSeconds(3)));
    assertEquals(3, seen.size(), "n0, n1, n2 are forgotten; n3 (kept until now) and n4 remain, with the new one");
    assertEquals(Verdict.REPLAYED, seen.remember("n3", NOW.plusSeconds(3), NOW.plusSeconds(3)));
  }

  @Test
  void whenFullOfNoncesThatArriveOutOfOrder_thenTheSweepStillFindsTheExpiredOnes() {
    SeenNonces seen = new SeenNonces(2);
    seen.remember("long", NOW.plusSeconds(60), NOW);
    seen.remember("short", NOW.plusSeconds(1), NOW);
    assertEquals(Verdict.ACCEPTED, seen.remember("next", NOW.plusSeconds(60), NOW.plusSeconds(2)),
        "'short' expired behind the older-but-longer 'long', and the full sweep found it");
    assertEquals(Verdict.TOO_MANY, seen.remember("more", NOW.plusSeconds(60), NOW.plusSeconds(2)));
  }
}
