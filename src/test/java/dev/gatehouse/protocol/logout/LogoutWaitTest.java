package dev.gatehouse.protocol.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.logout.LogoutWait.Progress;
import dev.gatehouse.protocol.support.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogoutWaitTest {
  private final MutableClock clock = MutableClock.startingAt2025();

  @Test
  void whenTheBoundIsZero_thenTheLogoutDoesNotWait() {
    LogoutWait wait = LogoutWait.start(List.of("a"), Duration.ZERO, clock);
    assertFalse(wait.needed());
    assertTrue(wait.over());
  }

  @Test
  void whenTheLogoutQueuedNoNotification_thenItDoesNotWait() {
    LogoutWait wait = LogoutWait.start(List.of(), Duration.ofSeconds(2), clock);
    assertFalse(wait.needed());
    assertTrue(wait.over());
  }

  @Test
  void whenEveryNotificationIsDeliveredOrFailed_thenTheWaitIsOverBeforeTheBound() {
    LogoutWait wait = LogoutWait.start(List.of("a", "b", "c"), Duration.ofSeconds(2), clock);
    assertTrue(wait.needed());
    wait.record("a", Progress.DELIVERED);
    wait.record("b", Progress.FAILED);
    assertFalse(wait.over(), "c is still under way");
    wait.record("c", Progress.ELSEWHERE);
    assertTrue(wait.over());
    assertEquals(Map.of(Progress.DELIVERED, 1, Progress.FAILED, 1, Progress.ELSEWHERE, 1), wait.tally());
  }

  @Test
  void whenTheBoundIsUsedUp_thenTheWaitIsOverAndWhatIsUnderWayStaysSo() {
    LogoutWait wait = LogoutWait.start(List.of("a", "hole"), Duration.ofSeconds(2), clock);
    wait.record("a", Progress.DELIVERED);
    clock.advance(Duration.ofMillis(1999));
    assertFalse(wait.over());
    assertEquals(Duration.ofMillis(1), wait.remaining());
    clock.advance(Duration.ofMillis(1));
    assertTrue(wait.over());
    assertEquals(Map.of(Progress.DELIVERED, 1, Progress.UNDER_WAY, 1), wait.tally());
  }

  @Test
  void whenSeveralRelyingPartiesAreSlow_thenTheBoundIsForTheWholeLogout_notPerClient() {
    LogoutWait wait = LogoutWait.start(List.of("a", "b", "c", "d", "e"), Duration.ofSeconds(2), clock);
    clock.advance(Duration.ofMillis(1500));
    wait.record("a", Progress.DELIVERED);
    assertEquals(Duration.ofMillis(500), wait.remaining(), "what is left of the one bound, whoever answered");
    clock.advance(Duration.ofSeconds(5));
    assertEquals(Duration.ZERO, wait.remaining(), "never negative");
    assertTrue(wait.over());
  }

  @Test
  void whenANotificationIsReportedAgainAfterItsAttemptEnded_thenItStaysDone() {
    LogoutWait wait = LogoutWait.start(List.of("a"), Duration.ofSeconds(2), clock);
    wait.record("a", Progress.DELIVERED);
    wait.record("a", Progress.UNDER_WAY);
    wait.record("a", Progress.FAILED);
    wait.record("unknown", Progress.UNDER_WAY);
    assertEquals(Map.of(Progress.DELIVERED, 1), wait.tally());
    assertTrue(wait.over());
  }

  @Test
  void whenTheBoundIsNegative_thenRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> LogoutWait.start(List.of("a"), Duration.ofSeconds(-1), clock));
  }
}
