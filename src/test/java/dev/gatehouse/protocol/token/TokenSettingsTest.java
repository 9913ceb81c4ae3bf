package dev.gatehouse.protocol.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenSettingsTest {

  @Test
  void rfc6749_4_1_2_whenDefaults_thenShortCodeAndDocumentedLifetimes() {
    TokenSettings s = TokenSettings.defaults();

    assertEquals(Duration.ofSeconds(60), s.codeTtl());
    assertEquals(Duration.ofSeconds(600), s.accessTokenTtl());
    assertEquals(Duration.ofDays(30), s.refreshTokenTtl());
  }

  @Test
  void rfc9700_4_14_2_whenDefaults_thenNoReuseWindow() {
    assertEquals(Duration.ZERO, TokenSettings.defaults().refreshReuseGrace());
  }

  @Test
  void rfc6749_4_1_2_whenLifetimeZeroOrNegative_thenRejected() {
    Duration one = Duration.ofSeconds(1);
    assertThrows(IllegalArgumentException.class, () -> new TokenSettings(Duration.ZERO, one, one, one));
    assertThrows(IllegalArgumentException.class, () -> new TokenSettings(one, one, one, Duration.ofSeconds(-1)));
    assertEquals(Duration.ZERO, new TokenSettings(one, one, one, Duration.ZERO).refreshReuseGrace());
  }
}
