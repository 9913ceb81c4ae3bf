package dev.gatehouse.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.infrastructure.config.Setting;
import dev.gatehouse.infrastructure.config.SettingsReader;
import dev.gatehouse.infrastructure.config.TokenLifetimes;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defaults of the settings that security depends on, as the container will read them. */
class GatehouseConfigTest {

  private static String defaultOf(Setting setting) {
    return SettingsReader.defaults().string(setting);
  }

  @Test
  void rfc9700_4_14_2_whenRefreshReuseGraceIsNotSet_thenThereIsNoWindow_soTheFirstReuseRevokes() {
    assertEquals(Duration.ZERO, Duration.parse(defaultOf(TokenLifetimes.REFRESH_REUSE_GRACE)));
  }

  @Test
  void whenSettingsAreConfigured_thenEachFeatureSeesItsOwn_andAnUnreadableOneStopsTheStartNamingIt() {
    GatehouseConfig config = new GatehouseConfig();
    config.read(SettingsReader.of(Map.of("GATEHOUSE_ACCESS_TOKEN_TTL", "PT2M", "GATEHOUSE_SESSION_IDLE", "PT5M",
        "GATEHOUSE_LOGOUT_MAX_ATTEMPTS", "4", "GATEHOUSE_ISSUER", "https://sso.example.com/")));
    assertEquals(Duration.ofMinutes(2), config.tokenSettings().accessTokenTtl());
    assertEquals(Duration.ofMinutes(5), config.sessionLifetimes().idle());
    assertEquals(4, config.logoutMaxAttempts());
    assertEquals("https://sso.example.com", config.issuer());
    assertEquals("https://sso.example.com", config.jwtAccessTokenAudience());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> config.read(SettingsReader.of(Map.of("GATEHOUSE_CODE_TTL", "60"))));
    assertTrue(e.getMessage().startsWith("GATEHOUSE_CODE_TTL "), e.getMessage());
  }

  @Test
  void whenLogoutWaitIsNotSet_thenTwoSecondsInAll_zeroMeansNoWait_andANegativeOneStopsTheStart() {
    GatehouseConfig config = new GatehouseConfig();
    config.read(SettingsReader.of(Map.of()));
    assertEquals(Duration.ofSeconds(2), config.logoutWait());
    config.read(SettingsReader.of(Map.of("GATEHOUSE_LOGOUT_WAIT", "PT0S")));
    assertEquals(Duration.ZERO, config.logoutWait());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> config.read(SettingsReader.of(Map.of("GATEHOUSE_LOGOUT_WAIT", "-PT1S"))));
    assertTrue(e.getMessage().startsWith("GATEHOUSE_LOGOUT_WAIT "), e.getMessage());
  }
}
