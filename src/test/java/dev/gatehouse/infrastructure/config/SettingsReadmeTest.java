package dev.gatehouse.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.infrastructure.config.SettingsCatalogue.Declared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's settings tables are the declared {@link Setting}s, exactly: every setting the code reads has a row
 * with the same default, and no row names a setting the code does not read. The test environment in {@code pom.xml}
 * and {@code microprofile-config.properties} name only declared settings, too.
 */
class SettingsReadmeTest {

  private static final Pattern NAME = Pattern.compile("GATEHOUSE_[A-Z0-9_]+\\*|GATEHOUSE_[A-Z0-9_]*[A-Z0-9]");
  /** Names that are not settings: the cookies, and the integration tests' own variables. */
  private static final Pattern NOT_A_SETTING = Pattern.compile("GATEHOUSE_(SSO|CSRF|SESSION|CONSOLE_NOTE|DEMO_STATE|IT_[A-Z0-9_]+)");

  private static final Path BASE = Path.of(System.getProperty("user.dir"));

  private static final Map<String, Setting> DECLARED = byName();

  private static Map<String, Setting> declared() {
    return DECLARED;
  }

  private static Map<String, Setting> byName() {
    Map<String, Setting> byName = new TreeMap<>();
    for (Declared d : SettingsCatalogue.all()) {
      Setting before = byName.put(d.setting().name(), d.setting());
      assertTrue(before == null || before.equals(d.setting()), d.setting().name() + " is declared twice, differently"
          + " (again in " + d.where() + ")");
    }
    return byName;
  }

  /** Setting name (or {@code PREFIX_*}) to the Default cell, from every row of a README table that names one. */
  static Map<String, String> readmeRows(List<String> lines) {
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : lines) {
      if (!line.startsWith("| `GATEHOUSE_")) {
        continue;
      }
      String[] cells = line.substring(1).split("\\|");
      List<String> names = new ArrayList<>();
      Matcher m = NAME.matcher(cells[0]);
      while (m.find()) {
        names.add(m.group());
      }
      String shown = cells[1].strip();
      String[] perName = shown.split(" / ");
      for (int i = 0; i < names.size(); i++) {
        String value = perName.length == names.size() ? perName[i].strip() : shown;
        assertEquals(null, rows.put(names.get(i), value), names.get(i) + " has two rows in the README");
      }
    }
    return rows;
  }

  @Test
  void everySettingTheCodeReadsHasAReadmeRowWithItsDefault() throws IOException {
    Map<String, String> rows = readmeRows(Files.readAllLines(BASE.resolve("README.md")));
    List<String> wrong = new ArrayList<>();
    for (Setting setting : declared().values()) {
      String row = rows.get(setting.name());
      if (!setting.shownDefault().equals(row)) {
        wrong.add(setting.name() + ": the code's default is " + setting.shownDefault()
            + (row == null ? ", and the README has no row for it" : ", the README's " + row));
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void theReadmeTablesNameNoSettingTheCodeDoesNotRead() throws IOException {
    Set<String> names = declared().keySet();
    Set<String> unknown = new TreeSet<>();
    for (String row : readmeRows(Files.readAllLines(BASE.resolve("README.md"))).keySet()) {
      if (!known(row, names)) {
        unknown.add(row);
      }
    }
    assertEquals(Set.of(), unknown);
  }

  @Test
  void theReadmeMentionsNoSettingTheCodeDoesNotRead() throws IOException {
    assertEquals(Set.of(), unknownNames(Files.readString(BASE.resolve("README.md"))));
  }

  @Test
  void theTestEnvironmentAndTheConfigFileSetOnlySettingsTheCodeReads() throws IOException {
    String pom = Files.readString(BASE.resolve("pom.xml"));
    Set<String> pomNames = tags(pom);
    assertTrue(pomNames.contains("GATEHOUSE_ISSUER"), "no GATEHOUSE_* environment found in pom.xml");
    assertEquals(Set.of(), unknown(pomNames));
    String properties = Files.readString(BASE.resolve("src/main/resources/META-INF/microprofile-config.properties"));
    Set<String> keys = properties.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(l -> l.split("[=:]", 2)[0].strip()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(), unknown(keys));
  }

  @Test
  void theMainCodeMentionsNoSettingItDoesNotDeclare() throws IOException {
    assertEquals(Map.of(), unknownNamesIn("src/main/java"));
  }

  @Test
  void theServerRecipesAndCiNameOnlySettingsTheCodeReads() throws IOException {
    Map<Path, Set<String>> unknown = unknownNamesIn("server-config");
    unknown.putAll(unknownNamesIn(".ci"));
    unknown.putAll(unknownNamesIn("src/test/scripts"));
    assertEquals(Map.of(), unknown);
  }

  private static Map<Path, Set<String>> unknownNamesIn(String folder) throws IOException {
    Map<Path, Set<String>> unknown = new TreeMap<>();
    Path root = BASE.resolve(folder);
    if (!Files.isDirectory(root)) {
      return unknown;
    }
    try (var files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Set<String> names = unknownNames(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
        if (!names.isEmpty()) {
          unknown.put(BASE.relativize(file), names);
        }
      }
    }
    return unknown;
  }

  private static Set<String> tags(String xml) {
    Matcher m = Pattern.compile("<(GATEHOUSE_[A-Z0-9_]+)[ >]").matcher(xml);
    Set<String> names = new TreeSet<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static Set<String> unknownNames(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return unknown(found);
  }

  private static Set<String> unknown(Set<String> names) {
    Set<String> declared = declared().keySet();
    return names.stream().filter(n -> !known(n, declared)).collect(Collectors.toCollection(TreeSet::new));
  }

  /** A declared name, a {@code PREFIX*} that some declared name starts with, or a name that is no setting. */
  private static boolean known(String name, Set<String> declared) {
    if (name.endsWith("*")) {
      String prefix = name.substring(0, name.length() - 1);
      return declared.stream().anyMatch(d -> d.startsWith(prefix));
    }
    return declared.contains(name) || NOT_A_SETTING.matcher(name).matches();
  }

}
