package dev.gatehouse.infrastructure.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes {@code server-config/mysql/schema.sql}, the DDL for DBAs who apply the schema by hand: the one migration set
 * in version order, with the MySQL placeholders ({@link DatabaseDialect#MYSQL}) and the default table prefix, as Flyway
 * would run it. {@link SchemaSqlTest} fails the build when the file is not what this writes. Run it with
 * {@value #COMMAND} (offline: add {@code -o}), which runs
 * {@code mvn -B -ntp -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=<this class>}.
 */
public final class SchemaSqlGenerator {

  static final String COMMAND = "bash src/test/scripts/regenerate-schema-sql.sh";
  static final Path MIGRATIONS = Path.of("src/main/resources/db/migration/common");
  static final Path SCHEMA_SQL = Path.of("server-config/mysql/schema.sql");
  static final String DEFAULT_PREFIX = "gatehouse_";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

  private SchemaSqlGenerator() {}

  public static void main(String[] args) throws IOException {
    Files.writeString(SCHEMA_SQL, render());
    System.out.println("wrote " + SCHEMA_SQL.toAbsolutePath());
  }

  /** The whole text of schema.sql, from the migrations as they are now. */
  static String render() {
    StringBuilder sql = new StringBuilder()
        .append("-- Gatehouse schema for MySQL 8 / MariaDB 10.6+, for DBAs who apply it by hand (then start Gatehouse with\n")
        .append("-- GATEHOUSE_DB_MIGRATE=false). GENERATED, do not edit: it is ").append(MIGRATIONS)
        .append("\n-- with the MySQL placeholders and the default table prefix ").append(DEFAULT_PREFIX)
        .append(". For another prefix, replace\n-- ").append(DEFAULT_PREFIX)
        .append(" throughout. After changing a migration, regenerate it from the project folder with\n-- ")
        .append(COMMAND).append(" (SchemaSqlTest fails the build while it is stale).\n\n");
    Map<String, String> placeholders = DatabaseDialect.MYSQL.placeholders(DEFAULT_PREFIX);
    for (Path migration : migrations()) {
      sql.append("-- ---- ").append(migration.getFileName()).append('\n')
          .append(substitute(read(migration), placeholders, migration));
    }
    return sql.toString();
  }

  /** The migration files in Flyway's order, by version number: V10 comes after V9, not after V1. */
  static List<Path> migrations() {
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".sql"))
          .sorted(Comparator.comparingInt(SchemaSqlGenerator::version)).collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int version(Path migration) {
    String name = migration.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }

  /** Flyway's replacement of {@code ${name}}; like Flyway, a placeholder without a value is an error. */
  static String substitute(String sql, Map<String, String> placeholders, Path file) {
    Matcher m = PLACEHOLDER.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = placeholders.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException(file + ": no value for placeholder " + m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
