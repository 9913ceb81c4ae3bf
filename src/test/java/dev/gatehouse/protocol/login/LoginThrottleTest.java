package dev.gatehouse.protocol.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.login.ThrottleKey.Kind;
import dev.gatehouse.protocol.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private static final ThrottleSettings SETTINGS = new ThrottleSettings(5, 20, Duration.ofMinutes(15),
      Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(4));

  private final MutableClock clock = MutableClock.startingAt2025();
  private final LoginThrottle throttle = new LoginThrottle(SETTINGS, clock);

  private FailureCounter fail(Kind kind, FailureCounter counter, int times) {
    FailureCounter c = counter;
    for (int i = 0; i < times; i++) {
      c = throttle.failed(kind, Optional.ofNullable(c));
    }
    return c;
  }

  private boolean locked(FailureCounter account) {
    return throttle.verdict(Optional.of(account), Optional.empty()).locked();
  }

  @Test
  void whenAnAccountFailsFewerTimesThanTheLimit_thenItIsNotLocked() {
    FailureCounter c = fail(Kind.ACCOUNT, null, 4);
    assertEquals(4, c.failures());
    assertFalse(locked(c));
  }

  @Test
  void whenAnAccountReachesTheLimit_thenItIsLockedForTheLockoutAndThenOpensAgain() {
    FailureCounter c = fail(Kind.ACCOUNT, null, 5);
    assertTrue(locked(c));
    clock.advance(Duration.ofMinutes(5).minusMillis(1));
    assertTrue(locked(c), "still locked just before the end");
    clock.advance(Duration.ofMillis(1));
    assertFalse(locked(c), "open again when the lockout ends");
  }

  @Test
  void whenLocked_thenFurtherFailuresDoNotLengthenTheLockout() {
    FailureCounter locked = fail(Kind.ACCOUNT, null, 5);
    clock.advance(Duration.ofMinutes(1));
    assertEquals(locked, fail(Kind.ACCOUNT, locked, 50));
  }

  @Test
  void whenLockoutsFollowEachOther_thenEachIsTwiceAsLongUpToTheCap() {
    List<Duration> lockouts = new ArrayList<>();
    FailureCounter c = null;
    for (int i = 0; i < 6; i++) {
      c = fail(Kind.ACCOUNT, c, 5);
      lockouts.add(Duration.between(clock.instant(), c.lockedUntil()));
      clock.advance(Duration.between(clock.instant(), c.lockedUntil()));
    }
    assertEquals(List.of(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(40),
        Duration.ofHours(1), Duration.ofHours(1)), lockouts);
  }

  @Test
  void whenAQuietWindowFollowsALockout_thenTheNextLockoutIsTheFirstLengthAgain() {
    FailureCounter c = fail(Kind.ACCOUNT, null, 5);
    clock.advance(Duration.ofMinutes(5).plus(Duration.ofMinutes(15)));
    c = fail(Kind.ACCOUNT, c, 5);
    assertEquals(clock.instant().plus(Duration.ofMinutes(5)), c.lockedUntil());
    assertEquals(1, c.lockouts());
  }

  @Test
  void whenTheWindowEndsBeforeTheLimit_thenTheFailuresAreForgotten() {
    FailureCounter c = fail(Kind.ACCOUNT, null, 4);
    clock.advance(Duration.ofMinutes(15));
    c = fail(Kind.ACCOUNT, c, 1);
    assertEquals(1, c.failures());
    assertFalse(locked(c));
  }

  @Test
  void anAddressHasItsOwnHigherLimit() {
    FailureCounter address = fail(Kind.ADDRESS, null, 19);
    assertFalse(throttle.verdict(Optional.empty(), Optional.of(address)).locked());
    address = fail(Kind.ADDRESS, address, 1);
    assertTrue(throttle.verdict(Optional.empty(), Optional.of(address)).locked(),
        "a locked address refuses every account");
  }

  @Test
  void theDelayIsNothingForTwoFailuresThenDoublesUpToTheCap() {
    List<Duration> delays = new ArrayList<>();
    FailureCounter c = null;
    for (int i = 0; i < 5; i++) {
      delays.add(throttle.verdict(Optional.ofNullable(c), Optional.empty()).delay());
      c = fail(Kind.ACCOUNT, c, 1);
    }
    assertEquals(List.of(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4)), delays);
    assertEquals(Duration.ofSeconds(4), throttle.delayAfter(40), "capped, without overflow");
  }

  @Test
  void aCounterIsStaleAtTheEndOfItsWindowOrOfItsLockoutWhicheverIsLater() {
    FailureCounter one = fail(Kind.ACCOUNT, null, 1);
    assertEquals(clock.instant().plus(Duration.ofMinutes(15)), throttle.staleAt(one));
    FailureCounter locked = fail(Kind.ACCOUNT, null, 5);
    assertEquals(clock.instant().plus(Duration.ofMinutes(5)).plus(Duration.ofMinutes(15)), throttle.staleAt(locked));
  }

  @Test
  void theAccountKeyIsAHashOfTheNormalizedUsernameAndNeverTheUsername() {
    ThrottleKey key = ThrottleKey.account("  Alice ");
    assertEquals(ThrottleKey.account("alice"), key);
    assertEquals(64, key.id().length());
    assertFalse(key.id().contains("alice"));
    assertNotEquals(ThrottleKey.address("alice").id(), key.id(), "an address never shares an account's counter");
    assertEquals(key.id().substring(0, 8), key.logId());
  }

  @Test
  void settingsThatCannotWorkAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ThrottleSettings(0, 20, Duration.ofMinutes(15),
        Duration.ofMinutes(5), Duration.ofHours(1), Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new ThrottleSettings(5, 20, Duration.ofMinutes(15),
        Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ZERO));
  }
}
