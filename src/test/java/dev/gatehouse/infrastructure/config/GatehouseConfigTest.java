package dev.gatehouse.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Defaults of the settings that security depends on, as the container will read them. */
class GatehouseConfigTest {

  private static String defaultOf(String field) throws NoSuchFieldException {
    return GatehouseConfig.class.getDeclaredField(field).getAnnotation(ConfigProperty.class).defaultValue();
  }

  @Test
  void rfc9700_4_14_2_whenRefreshReuseGraceIsNotSet_thenThereIsNoWindow_soTheFirstReuseRevokes() throws Exception {
    assertEquals(Duration.ZERO, Duration.parse(defaultOf("refreshReuseGrace")));
  }
}
