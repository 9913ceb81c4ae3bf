package dev.gatehouse.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one reader: defaults, MicroProfile Config's conversions, and a start-up error that names the setting. */
class SettingsReaderTest {

  private static final Setting TTL = Setting.of("GATEHOUSE_TEST_TTL", "PT1M", "A lifetime.");
  private static final Setting COUNT = Setting.of("GATEHOUSE_TEST_COUNT", "10", "A count.");
  private static final Setting FLAG = Setting.of("GATEHOUSE_TEST_FLAG", "false", "A switch.");
  private static final Setting FILE = Setting.optional("GATEHOUSE_TEST_FILE", "—", "A file.");

  private static SettingsReader with(String name, String value) {
    return SettingsReader.of(Map.of(name, value));
  }

  @Test
  void whenUnsetOrEmpty_thenTheDeclaredDefault() {
    assertEquals(Duration.ofMinutes(1), SettingsReader.defaults().duration(TTL));
    assertEquals(Duration.ofMinutes(1), with(TTL.name(), "").duration(TTL));
    assertEquals(10, with(COUNT.name(), "").integer(COUNT));
    assertEquals(Optional.empty(), SettingsReader.defaults().text(FILE));
    assertEquals(Optional.empty(), with(FILE.name(), "  ").text(FILE));
  }

  @Test
  void whenSet_thenConvertedAsMicroProfileConfigConvertsIt() {
    assertEquals(Duration.ofSeconds(90), with(TTL.name(), "PT1M30S").duration(TTL));
    assertEquals(3, with(COUNT.name(), "3").integer(COUNT));
    for (String yes : List.of("true", "TRUE", "1", "yes", "Y", "on")) {
      assertTrue(with(FLAG.name(), yes).flag(FLAG), yes);
    }
    for (String no : List.of("false", "0", "no", "off", "enabled")) {
      assertFalse(with(FLAG.name(), no).flag(FLAG), no);
    }
    assertEquals(Optional.of(" /etc/x "), with(FILE.name(), " /etc/x ").raw(FILE));
    assertEquals(Optional.of("/etc/x"), with(FILE.name(), " /etc/x ").text(FILE));
  }

  @Test
  void whenNotConvertible_thenTheStartStopsWithAMessageThatBeginsWithTheSettingsName() {
    IllegalStateException duration = assertThrows(IllegalStateException.class,
        () -> with(TTL.name(), "60").duration(TTL));
    assertTrue(duration.getMessage().startsWith("GATEHOUSE_TEST_TTL must be an ISO-8601 duration"),
        duration.getMessage());
    IllegalStateException count = assertThrows(IllegalStateException.class,
        () -> with(COUNT.name(), "ten").integer(COUNT));
    assertTrue(count.getMessage().startsWith("GATEHOUSE_TEST_COUNT must be a whole number"), count.getMessage());
    IllegalStateException zero = assertThrows(IllegalStateException.class,
        () -> with(TTL.name(), "PT0S").positiveDuration(TTL));
    assertTrue(zero.getMessage().startsWith("GATEHOUSE_TEST_TTL must be a positive"), zero.getMessage());
  }

  @Test
  void whenANameIsNotAGatehouseSetting_thenItCannotBeDeclared() {
    assertThrows(IllegalArgumentException.class, () -> Setting.of("ISSUER", "x", "No prefix."));
    assertThrows(IllegalArgumentException.class, () -> Setting.of("GATEHOUSE_lower", "x", "Lower case."));
  }
}
