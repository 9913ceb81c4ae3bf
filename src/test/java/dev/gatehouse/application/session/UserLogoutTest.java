package dev.gatehouse.application.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.infrastructure.config.ConfigWiring;
import dev.gatehouse.infrastructure.config.LogoutSettings;
import dev.gatehouse.protocol.logout.LogoutWait;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.store.LogoutDeliveryStore.LogoutDelivery;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An RP-initiated logout sends and waits for its notifications only after the ending committed, and only when there
 * is something to wait for.
 */
class UserLogoutTest {
  private static final Instant NOW = Instant.parse("2026-12-07T23:00:00Z");
  private static final SsoSession SESSION =
      new SsoSession("sid-1", "subject", "carol", NOW, NOW, NOW, NOW.plusSeconds(600));

  private final List<String> calls = new ArrayList<>();
  private Optional<SessionService.Ended> ending = Optional.empty();
  private RuntimeException rollback;

  private UserLogout logout(Duration bound) {
    UserLogout logout = new UserLogout();
    logout.sessions = new SessionService() {
      @Override
      public Optional<Ended> logout(String sid) {
        calls.add("logout " + sid);
        if (rollback != null) {
          throw rollback;
        }
        return ending;
      }
    };
    logout.backchannel = new BackchannelLogout() {
      @Override
      public void deliverAndWait(List<LogoutDelivery> notifications, LogoutWait wait) {
        calls.add("deliverAndWait " + notifications.size() + " " + wait.notificationIds());
      }

      @Override
      public void deliverSoon() {
        calls.add("deliverSoon");
      }
    };
    logout.config = ConfigWiring.logout(
        new LogoutSettings(Duration.ofSeconds(15), 10, Duration.ofSeconds(5), bound, false));
    logout.clock = Clock.systemUTC();
    return logout;
  }

  private static LogoutDelivery notification(String id, String clientId) {
    return new LogoutDelivery(id, clientId, "https://" + clientId + ".example/bcl", "sid-1", "subject", 0);
  }

  @Test
  void whenTheLogoutHasCommitted_thenItsOwnNotificationsAreSentAndAwaited() {
    ending = Optional.of(new SessionService.Ended(SESSION,
        List.of(notification("n1", "app-a"), notification("n2", "app-b"))));

    Optional<SsoSession> ended = logout(Duration.ofSeconds(2)).logout("sid-1");

    assertEquals(Optional.of(SESSION), ended);
    assertEquals(List.of("logout sid-1", "deliverAndWait 2 [n1, n2]"), calls, "after the ending returned");
  }

  @Test
  void whenTheLogoutRollsBack_thenNothingIsSent() {
    rollback = new IllegalStateException("rolled back");
    assertThrows(IllegalStateException.class, () -> logout(Duration.ofSeconds(2)).logout("sid-1"));
    assertEquals(List.of("logout sid-1"), calls);
  }

  @Test
  void whenTheSessionHadAlreadyEndedOrQueuedNoNotification_thenNoOneWaits() {
    assertEquals(Optional.empty(), logout(Duration.ofSeconds(2)).logout("sid-1"));
    ending = Optional.of(new SessionService.Ended(SESSION, List.of()));
    assertEquals(Optional.of(SESSION), logout(Duration.ofSeconds(2)).logout("sid-1"));
    assertEquals(List.of("logout sid-1", "logout sid-1"), calls);
  }

  @Test
  void whenLogoutWaitIsZero_thenTheNotificationsGoOutWithoutMakingTheUserWait() {
    ending = Optional.of(new SessionService.Ended(SESSION, List.of(notification("n1", "app-a"))));
    logout(Duration.ZERO).logout("sid-1");
    assertEquals(List.of("logout sid-1", "deliverSoon"), calls);
  }

  @Test
  void whenTheLogoutRuns_thenTheEndingIsATransactionOfItsOwn_committedBeforeTheWait() throws NoSuchMethodException {
    // UserLogout runs without a transaction, so the REQUIRED ending starts its own and commits it when it returns.
    assertEquals(TransactionAttributeType.NOT_SUPPORTED,
        UserLogout.class.getAnnotation(TransactionAttribute.class).value());
    assertTrue(UserLogout.class.getDeclaredMethod("logout", String.class)
        .getAnnotation(TransactionAttribute.class) == null, "no method-level attribute overrides the class's");
    assertEquals(TransactionAttributeType.REQUIRED, SessionService.class.getDeclaredMethod("logout", String.class)
        .getAnnotation(TransactionAttribute.class).value());
  }
}
