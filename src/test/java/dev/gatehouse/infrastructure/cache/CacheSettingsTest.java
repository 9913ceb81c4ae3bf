package dev.gatehouse.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code GATEHOUSE_CACHE_MAX_AGE}: a positive ISO-8601 duration, or the start stops with a message naming it. */
class CacheSettingsTest {

  @Test
  void whenAnIsoDuration_thenThatMaxAge() {
    assertEquals(Duration.ofSeconds(30), CacheSettings.parse("PT30S"));
    assertEquals(Duration.ofMillis(1500), CacheSettings.parse(" PT1.5S "));
  }

  @Test
  void whenNotAPositiveIsoDuration_thenTheStartStopsWithAMessageNamingTheSetting() {
    for (String bad : new String[] {"30", "30s", "", "PT0S", "-PT5S", "P"}) {
      IllegalStateException refused = assertThrows(IllegalStateException.class, () -> CacheSettings.parse(bad), bad);
      assertTrue(refused.getMessage().startsWith("GATEHOUSE_CACHE_MAX_AGE must be a positive ISO-8601 duration"),
          refused.getMessage());
    }
  }
}
