package dev.gatehouse.protocol.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionLifetimesTest {
  private static final Instant CREATED = Instant.parse("2025-06-01T08:00:00Z");
  private final SessionLifetimes lifetimes =
      new SessionLifetimes(Duration.ofMinutes(30), Duration.ofHours(10), Duration.ofMinutes(1));

  @Test
  void whenUsedRecently_thenEndsIdleLifetimeAfterLastUse() {
    Instant lastSeen = CREATED.plus(Duration.ofHours(2));
    assertEquals(lastSeen.plus(Duration.ofMinutes(30)), lifetimes.expiresAt(CREATED, lastSeen));
  }

  @Test
  void whenUsedNearTheAbsoluteEnd_thenNeverBeyondIt() {
    Instant lastSeen = CREATED.plus(Duration.ofHours(9)).plus(Duration.ofMinutes(50));
    assertEquals(CREATED.plus(Duration.ofHours(10)), lifetimes.expiresAt(CREATED, lastSeen));
  }

  @Test
  void touch_whenLastUseWithinTheInterval_thenNoWrite() {
    SsoSession s = new SsoSession("sid", "sub", "user", CREATED, CREATED, CREATED, CREATED.plusSeconds(1800));
    assertFalse(lifetimes.shouldTouch(s, CREATED.plusSeconds(59)));
    assertTrue(lifetimes.shouldTouch(s, CREATED.plusSeconds(60)));
  }

  @Test
  void whenAbsoluteShorterThanIdleOrIdleNotPositive_thenRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new SessionLifetimes(Duration.ofHours(2), Duration.ofHours(1), Duration.ofMinutes(1)));
    assertThrows(IllegalArgumentException.class,
        () -> new SessionLifetimes(Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(1)));
  }

  @Test
  void session_isActiveStrictlyBeforeItsEnd() {
    SsoSession s = new SsoSession("sid", "sub", "user", CREATED, CREATED, CREATED, CREATED.plusSeconds(10));
    assertTrue(s.isActiveAt(CREATED.plusSeconds(9)));
    assertFalse(s.isActiveAt(CREATED.plusSeconds(10)));
  }
}
