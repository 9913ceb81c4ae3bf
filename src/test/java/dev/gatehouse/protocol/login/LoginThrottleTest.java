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
    return throttle.verdict(Optional.of(account), Optional.empty()).accountLocked();
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
    assertFalse(throttle.verdict(Optional.empty(), Optional.of(address)).addressLockedAt(clock.instant()));
    address = fail(Kind.ADDRESS, address, 1);
    LoginThrottle.Verdict verdict = throttle.verdict(Optional.empty(), Optional.of(address));
    assertTrue(verdict.addressLockedAt(clock.instant()), "a locked address refuses every account");
    assertFalse(verdict.accountLocked(), "the address is locked, not the account");
    assertEquals(clock.instant().plus(Duration.ofMinutes(5)), verdict.addressLockedUntil());
  }

  @Test
  void theWaitIsNothingForTwoFailuresThenDoublesUpToTheCap() {
    List<Duration> waits = new ArrayList<>();
    FailureCounter c = null;
    for (int i = 0; i < 5; i++) {
      waits.add(throttle.verdict(Optional.ofNullable(c), Optional.empty()).waitAt(clock.instant()));
      c = fail(Kind.ACCOUNT, c, 1);
    }
    assertEquals(List.of(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4)), waits);
    assertEquals(Duration.ofSeconds(4), throttle.delayAfter(40), "capped, without overflow");
  }

  @Test
  void theWaitCountsFromTheLatestFailureAndEndsByItself() {
    FailureCounter c = fail(Kind.ACCOUNT, null, 3);
    clock.advance(Duration.ofMillis(1500));
    LoginThrottle.Verdict verdict = throttle.verdict(Optional.of(c), Optional.empty());
    assertEquals(Duration.ofMillis(500), verdict.waitAt(clock.instant()), "2 s after the third failure");
    clock.advance(Duration.ofMillis(500));
    assertEquals(Duration.ZERO, throttle.verdict(Optional.of(c), Optional.empty()).waitAt(clock.instant()));
    assertFalse(throttle.verdict(Optional.of(c), Optional.empty()).accountLocked());
  }

  @Test
  void whenTheWindowIsOver_thenNoWaitIsLeft() {
    FailureCounter c = fail(Kind.ACCOUNT, null, 4);
    clock.advance(Duration.ofMinutes(15));
    assertEquals(Duration.ZERO, throttle.verdict(Optional.of(c), Optional.empty()).waitAt(clock.instant()));
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
  void anIpv6AddressCountsByItsSlash64AndAnIpv4OneByItself() {
    assertEquals(ThrottleKey.address("2001:db8:0:1::1"), ThrottleKey.address("2001:db8:0:1:ffff:ffff:ffff:ffff"));
    assertEquals(ThrottleKey.address("2001:db8:0:1::1"), ThrottleKey.address("[2001:DB8:0:1:0:0:0:2%eth0]"));
    assertNotEquals(ThrottleKey.address("2001:db8:0:1::1"), ThrottleKey.address("2001:db8:0:2::1"));
    assertEquals("2001:db8:0:1::/64", ThrottleKey.network("2001:0db8:0000:0001::abcd"));
    assertEquals("192.0.2.1", ThrottleKey.network("::ffff:192.0.2.1"), "a mapped IPv4 address is that address");
    assertNotEquals(ThrottleKey.address("192.0.2.1"), ThrottleKey.address("192.0.2.2"));
    assertEquals("not-an-address", ThrottleKey.network("not-an-address"), "never looked up as a name");
  }

  @Test
  void settingsThatCannotWorkAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ThrottleSettings(0, 20, Duration.ofMinutes(15),
        Duration.ofMinutes(5), Duration.ofHours(1), Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new ThrottleSettings(5, 20, Duration.ofMinutes(15),
        Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ZERO));
  }
}
