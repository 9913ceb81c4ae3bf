package dev.gatehouse.protocol.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyRotationSettingsTest {

  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  @Test
  void settings_whenDefaults_thenTableReadEveryMinuteAndJwksCachedFiveMinutes() {
    KeyRotationSettings s = KeyRotationSettings.of(Duration.ofDays(90), Duration.ofDays(1), TEN_MINUTES, TEN_MINUTES);
    assertEquals(Duration.ofMinutes(1), s.refreshInterval());
    assertEquals(Duration.ofMinutes(5), s.jwksMaxAge());
  }

  @Test
  void settings_whenShortOverlap_thenNodesAndRelyingPartiesLearnOfANewKeyWithinTheOverlap() {
    KeyRotationSettings s = KeyRotationSettings.of(Duration.ofSeconds(20), Duration.ofSeconds(8), TEN_MINUTES);
    assertEquals(Duration.ofSeconds(2), s.refreshInterval());
    assertEquals(Duration.ofSeconds(4), s.jwksMaxAge());
    assertEquals(-1, s.refreshInterval().plus(s.jwksMaxAge()).compareTo(s.overlap()),
        "a node's re-read plus a relying party's cached JWKS stay within the overlap");
  }

  @Test
  void settings_whenSeveralSignedLifetimes_thenTheLongestKeepsRetiredKeysPublished() {
    assertEquals(Duration.ofHours(1), KeyRotationSettings.of(Duration.ofDays(90), Duration.ofDays(1),
        TEN_MINUTES, Duration.ofHours(1), Duration.ofMinutes(5)).maxTokenLifetime());
  }

  @Test
  void settings_whenRotationNotLongerThanOverlapOrDurationsNotPositive_thenRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new KeyRotationSettings(Duration.ofDays(1), Duration.ofDays(1), TEN_MINUTES));
    assertThrows(IllegalArgumentException.class,
        () -> new KeyRotationSettings(Duration.ofDays(1), Duration.ofMillis(999), TEN_MINUTES));
    assertThrows(IllegalArgumentException.class,
        () -> new KeyRotationSettings(Duration.ofDays(90), Duration.ofDays(1), Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> KeyRotationSettings.of(Duration.ofDays(90), Duration.ofDays(1)));
  }
}
