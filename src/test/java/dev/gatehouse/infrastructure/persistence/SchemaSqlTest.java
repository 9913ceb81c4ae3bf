package dev.gatehouse.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hand-applied schema for DBAs (server-config/mysql/schema.sql) must say exactly what the Flyway migrations say,
 * with the default prefix; and the H2 migrations must create the same tables as the MySQL ones.
 */
class SchemaSqlTest {

  private static final Path MYSQL = Path.of("src/main/resources/db/migration/mysql");
  private static final Path H2 = Path.of("src/main/resources/db/migration/h2");

  @Test
  void schemaSqlEqualsTheMysqlMigrationsWithTheDefaultPrefix() throws IOException {
    String expected = migrations(MYSQL).stream()
        .map(SchemaSqlTest::read)
        .map(sql -> sql.replace("${prefix}", "gatehouse_"))
        .collect(Collectors.joining());
    String schema = Files.readString(Path.of("server-config/mysql/schema.sql"));
    String body = schema.substring(schema.indexOf("-- ---- V1__"));
    assertEquals(expected, body.replaceAll("(?m)^-- ---- V\\d+__.*\\n", ""),
        "regenerate server-config/mysql/schema.sql from db/migration/mysql");
  }

  @Test
  void h2AndMysqlMigrationsHaveTheSameVersionsAndTables() throws IOException {
    assertEquals(names(MYSQL), names(H2));
    for (Path mysql : migrations(MYSQL)) {
      assertEquals(tables(read(mysql)), tables(read(H2.resolve(mysql.getFileName()))), mysql.getFileName().toString());
    }
    assertFalse(migrations(MYSQL).isEmpty());
  }

  private static List<Path> migrations(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      // In Flyway's order, by version number: V10 comes after V9, not after V1.
      return files.filter(p -> p.getFileName().toString().endsWith(".sql"))
          .sorted(java.util.Comparator.comparingInt(SchemaSqlTest::version)).collect(Collectors.toList());
    }
  }

  private static int version(Path migration) {
    String name = migration.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }

  private static List<String> names(Path dir) throws IOException {
    return migrations(dir).stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
  }

  private static List<String> tables(String sql) {
    return sql.lines().filter(l -> l.startsWith("CREATE TABLE ")).map(l -> l.split(" ")[2]).sorted()
        .collect(Collectors.toList());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
