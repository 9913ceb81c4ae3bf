package dev.gatehouse.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * House rule 2: the protocol stays container-free and silent. Walks the protocol source tree and fails on container
 * imports, imports of the outer layers, and logging.
 */
class ArchitectureTest {
  private static final Path PROTOCOL_SOURCES = Paths.get("src", "main", "java", "dev", "gatehouse", "protocol");

  private static final List<Pattern> FORBIDDEN =
      List.of(
          // The JDK's own javax.crypto (HMAC, AES) is plain Java; every other javax.* is a container API.
          Pattern.compile("\\b(?:jakarta\\s*\\.\\s*\\w|javax\\s*\\.\\s*(?!crypto\\b)\\w)"),
          Pattern.compile("\\bdev\\s*\\.\\s*gatehouse\\s*\\.\\s*(?:application|persistence|web)\\b"),
          Pattern.compile("\\bjava\\s*\\.\\s*util\\s*\\.\\s*logging\\b"),
          Pattern.compile("\\bjava\\s*\\.\\s*lang\\s*\\.\\s*System\\s*\\.\\s*Logger\\b"),
          Pattern.compile("\\bSystem\\s*\\.\\s*(?:out|err|getLogger)\\b"),
          Pattern.compile("\\bprintStackTrace\\s*\\("));

  private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  @Test
  void houseRule2_whenProtocolSourcesScanned_thenNoContainerOuterLayerOrLoggingReferences() throws IOException {
    Path root = Paths.get(System.getProperty("user.dir")).resolve(PROTOCOL_SOURCES);
    assertTrue(Files.isDirectory(root), "protocol sources not found at " + root);
    List<String> violations = new ArrayList<>();
    int files;
    try (Stream<Path> paths = Files.walk(root)) {
      List<Path> sources = paths.filter(p -> p.toString().endsWith(".java")).toList();
      files = sources.size();
      for (Path source : sources) {
        violations(read(source)).forEach(v -> violations.add(root.relativize(source) + ": " + v));
      }
    }

    assertTrue(files > 20, "expected the protocol sources, found " + files + " files");
    assertEquals(List.of(), violations);
  }

  @Test
  void houseRule2_whenSourceImportsContainerOrOuterLayer_thenDetected() {
    assertFalse(violations("import jakarta.ws.rs.core.Response;\nclass A {}").isEmpty());
    assertFalse(violations("import javax.persistence.Entity;").isEmpty());
    assertFalse(violations("import static jakarta.ejb.TransactionAttributeType.REQUIRED;").isEmpty());
    assertFalse(violations("import dev.gatehouse.persistence.JpaClientStore;").isEmpty());
    assertFalse(violations("class A { dev.gatehouse.web.rest.X x; }").isEmpty());
    assertFalse(violations("class A { void f() { System.out.println(1); } }").isEmpty());
    assertFalse(violations("import java.util.logging.Logger;").isEmpty());
    assertFalse(violations("import javax.naming.Context;").isEmpty());
  }

  @Test
  void houseRule2_whenSourceUsesTheJdkCryptoApi_thenAllowed() {
    assertEquals(List.of(), violations("import javax.crypto.Mac;\nimport javax.crypto.spec.SecretKeySpec;"));
  }

  @Test
  void houseRule2_whenForbiddenNamesOnlyInComments_thenNotViolations() {
    assertEquals(
        List.of(),
        violations("/** No {@code jakarta.*} here. */\n// nor dev.gatehouse.web\nimport java.util.List;\nclass A {}"));
  }

  static List<String> violations(String source) {
    String code = COMMENTS.matcher(source).replaceAll(" ");
    List<String> found = new ArrayList<>();
    for (Pattern pattern : FORBIDDEN) {
      Matcher m = pattern.matcher(code);
      while (m.find()) {
        found.add(m.group());
      }
    }
    return found;
  }

  private static String read(Path source) {
    try {
      return Files.readString(source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
