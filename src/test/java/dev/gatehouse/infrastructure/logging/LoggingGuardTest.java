package dev.gatehouse.infrastructure.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every value in every log line is escaped because the code has one way to the log: {@link SafeLog}, whose patterns
 * are literals and whose arguments it escapes. This reads every main source file and fails on any other way (java.util
 * .logging, System.Logger, System.out/err, printStackTrace) and on a log call whose pattern is not a literal (a value
 * concatenated into the pattern would bypass the escaping).
 */
class LoggingGuardTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final Path FACADE = MAIN.resolve("dev/gatehouse/infrastructure/logging/SafeLog.java");
  private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
  private static final List<Pattern> OTHER_WAYS = List.of(
      Pattern.compile("\\bjava\\s*\\.\\s*util\\s*\\.\\s*logging\\b"),
      Pattern.compile("\\bSystem\\s*\\.\\s*(?:out|err|getLogger)\\b"),
      Pattern.compile("\\bprintStackTrace\\s*\\("));
  private static final Pattern LOG_CALL = Pattern.compile("\\b(?:LOG|AUDIT)\\s*\\.\\s*(?:fine|info|warning|severe)\\s*\\(");
  private static final Pattern LITERAL_PATTERN =
      Pattern.compile("\\s*\"(?:[^\"\\\\]|\\\\.)*\"(?:\\s*\\+\\s*\"(?:[^\"\\\\]|\\\\.)*\")*\\s*");

  @Test
  void theLogIsWrittenOnlyThroughSafeLog_withLiteralPatterns() throws IOException {
    List<String> problems = new ArrayList<>();
    int files = 0;
    try (Stream<Path> sources = Files.walk(MAIN)) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        files++;
        if (source.equals(FACADE)) {
          continue;
        }
        String code = COMMENTS.matcher(Files.readString(source, StandardCharsets.UTF_8)).replaceAll(" ");
        problems(code).forEach(p -> problems.add(MAIN.relativize(source) + ": " + p));
      }
    }
    assertTrue(files > 100, "expected the main sources, found " + files);
    assertEquals(List.of(), problems);
  }

  @Test
  void theGuardFindsWhatItLooksFor() {
    assertFalse(problems("import java.util.logging.Logger;").isEmpty());
    assertFalse(problems("class A { void f() { System.out.println(1); } }").isEmpty());
    assertFalse(problems("LOG.info(\"refused: \" + e.getMessage());").isEmpty(), "a value in the pattern");
    assertFalse(problems("LOG.warning(e, \"failed for \" + client);").isEmpty(), "after an exception too");
    assertEquals(List.of(), problems("LOG.info(\"refused: {} for {}\", e.getMessage(), client);"));
    assertEquals(List.of(), problems("LOG.warning(e, \"a long \"\n + \"pattern {}\", x);"));
    assertEquals(List.of(), problems("LOG.fine(\"nothing to fill\");"));
    assertEquals(List.of(), problems("import java.util.logging.Logger;\nclass D { public Logger getParentLogger() {} }"),
        "a DataSource's getParentLogger is not a log");
  }

  static List<String> problems(String source) {
    // A DataSource must name java.util.logging.Logger in getParentLogger (JDBC's CommonDataSource); that is not a log.
    String code = source.contains("getParentLogger") ? source.replace("import java.util.logging.Logger;", "")
        .replaceAll("\\bLogger\\s+getParentLogger", "getParentLogger") : source;
    List<String> found = new ArrayList<>();
    for (Pattern way : OTHER_WAYS) {
      Matcher m = way.matcher(code);
      while (m.find()) {
        found.add("writes to the log around SafeLog: " + m.group());
      }
    }
    Matcher call = LOG_CALL.matcher(code);
    while (call.find()) {
      List<String> args = arguments(code, call.end());
      String pattern = args.isEmpty() ? "" : args.get(0);
      if (!LITERAL_PATTERN.matcher(pattern).matches() && args.size() > 1) {
        pattern = args.get(1); // LOG.warning(exception, "pattern", ...)
      }
      if (!LITERAL_PATTERN.matcher(pattern).matches()) {
        found.add("a log pattern that is not a literal: " + code.substring(call.start(),
            Math.min(code.length(), call.start() + 80)).replaceAll("\\s+", " "));
      }
    }
    return found;
  }

  /** The top-level arguments of the call whose argument list starts at {@code from} (just after its '('). */
  private static List<String> arguments(String code, int from) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    int start = from;
    boolean inString = false;
    for (int i = from; i < code.length(); i++) {
      char c = code.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        if (depth == 0) {
          args.add(code.substring(start, i));
          return args;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        args.add(code.substring(start, i));
        start = i + 1;
      }
    }
    return args;
  }
}
