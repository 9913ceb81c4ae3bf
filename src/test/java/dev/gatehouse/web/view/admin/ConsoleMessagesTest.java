package dev.gatehouse.web.view.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every page string in English and Simplified Chinese: both bundles hold the same keys, and every key the pages and
 * the console's code name is in them (a missing one would show as {@code ???key???}).
 */
class ConsoleMessagesTest {
  private static final Path BUNDLES = Path.of("src/main/resources/dev/gatehouse/web");
  private static final Path WEB_INF = Path.of("src/main/webapp/WEB-INF");
  private static final Path CONSOLE_CODE = Path.of("src/main/java/dev/gatehouse/web/view/admin");
  /** A key written out in a page: key="x", or a quoted 'admin.x' inside an expression. */
  private static final Pattern PAGE_KEY = Pattern.compile("key=\"([a-zA-Z][\\w.-]*)\"|'(admin\\.[\\w.-]*[\\w-])'");
  /** A key written out in the console's Java code; a confirmation's is a prefix ({@link Confirmation#ask}). */
  private static final Pattern CODE_KEY = Pattern.compile("(Confirmation\\.ask\\([^\"]*)?\"(admin\\.[\\w.-]*[\\w-])\"");

  @Test
  void theEnglishAndTheChineseBundlesHaveTheSameKeys() throws IOException {
    assertEquals(keys("messages.properties"), keys("messages_zh_CN.properties"));
  }

  @Test
  void everyKeyThatAPageOrTheConsoleNamesIsInTheBundles() throws IOException {
    Set<String> keys = keys("messages.properties");
    Set<String> named = new TreeSet<>();
    try (Stream<Path> files = Files.walk(WEB_INF)) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.(jsp|jspf|tag)")).toList()) {
        Matcher m = PAGE_KEY.matcher(Files.readString(file));
        while (m.find()) {
          named.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
      }
    }
    try (Stream<Path> files = Files.list(CONSOLE_CODE)) {
      for (Path file : files.toList()) {
        Matcher m = CODE_KEY.matcher(Files.readString(file));
        while (m.find()) {
          if (m.group(1) == null) {
            named.add(m.group(2));
          } else {
            Stream.of(".heading", ".explain", ".confirm").forEach(suffix -> named.add(m.group(2) + suffix));
          }
        }
      }
    }
    assertTrue(named.size() > 50, "the pages were read: " + named);
    Set<String> missing = new TreeSet<>(named);
    missing.removeAll(keys);
    assertEquals(Set.of(), missing);
  }

  /** The keys built from a name: each form field's label, hints, each confirmation's texts, each user tab and notice. */
  @Test
  void everyKeyBuiltFromAFieldOrAnActionIsInTheBundles() throws IOException {
    Set<String> keys = keys("messages.properties");
    Set<String> built = new TreeSet<>();
    Stream.of(ClientForm.FIELDS, UserForm.FIELDS, Set.of("form")).flatMap(Set::stream)
        .forEach(f -> built.add("admin.field." + f));
    built.add("admin.hint.locale");
    built.add("admin.hint.zoneinfo");
    for (String page : Set.of("sessions", "consents", "grants")) {
      built.add("admin.tab.user-" + page);
      built.add("admin.user." + page + ".done");
    }
    built.add("admin.user.end-sessions.done");
    built.removeAll(keys);
    assertEquals(Set.of(), built);
  }

  private static Set<String> keys(String bundle) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(bundle), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return new TreeSet<>(properties.stringPropertyNames());
  }
}
