package dev.gatehouse.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Settings are read in one place: only {@link SettingsReader} talks to MicroProfile Config or the environment. */
class SettingsSourceTest {

  private static final Pattern OTHER_WAYS = Pattern.compile(
      "@ConfigProperty|ConfigProvider|org\\.eclipse\\.microprofile\\.config|System\\.getenv|System\\.getProperty\\(\"GATEHOUSE");

  @Test
  void whenAClassReadsASetting_thenOnlyThroughSettingsReader() throws IOException {
    Path main = Path.of(System.getProperty("user.dir"), "src/main/java");
    Path reader = main.resolve("dev/gatehouse/infrastructure/config/SettingsReader.java");
    Set<String> others = new TreeSet<>();
    try (var files = Files.walk(main)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.equals(reader)).toList()) {
        if (OTHER_WAYS.matcher(Files.readString(file)).find()) {
          others.add(main.relativize(file).toString());
        }
      }
    }
    assertEquals(Set.of(), others);
  }

  @Test
  void whenEveryDeclaredSettingIsAtItsDefault_thenItsDefaultConvertsAsItsReaderExpects() {
    List<SettingsCatalogue.Declared> all = SettingsCatalogue.all();
    assertEquals(true, all.size() > 60, "found only " + all.size() + " settings");
    SettingsReader defaults = SettingsReader.defaults();
    for (SettingsCatalogue.Declared d : all) {
      d.setting().defaultValue().ifPresent(v -> assertEquals(v, defaults.string(d.setting()), d.where()));
    }
  }
}
