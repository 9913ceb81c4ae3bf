package dev.gatehouse.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hand-applied schema for DBAs (server-config/mysql/schema.sql) must say exactly what the one migration set says
 * with the MySQL placeholders and the default prefix (it is generated: {@link SchemaSqlGenerator}); and the one set
 * must keep the versions and descriptions of the former per-database files, which the history of every existing
 * installation names.
 */
class SchemaSqlTest {

  private static final Path FORMER_MYSQL = Path.of("src/test/resources/db/legacy/mysql");
  private static final Path FORMER_H2 = Path.of("src/test/resources/db/legacy/h2");

  @Test
  void schemaSqlEqualsTheMysqlMigrationsWithTheDefaultPrefix() throws IOException {
    String schema = Files.readString(SchemaSqlGenerator.SCHEMA_SQL);
    assertEquals(SchemaSqlGenerator.render(), schema,
        "server-config/mysql/schema.sql is stale; regenerate it with " + SchemaSqlGenerator.COMMAND);
    assertFalse(schema.contains("${"), "every placeholder is replaced");
  }

  @Test
  void whenTheOneSetIsListed_thenItHasTheFormerVersionsAndDescriptions() throws IOException {
    List<String> oneSet = SchemaSqlGenerator.migrations().stream().map(p -> p.getFileName().toString())
        .collect(Collectors.toList());
    // The one set begins with the former files; what follows them is new to every installation.
    assertEquals(12, names(FORMER_MYSQL).size());
    assertEquals(names(FORMER_MYSQL), oneSet.subList(0, 12));
    assertEquals(names(FORMER_H2), oneSet.subList(0, 12));
  }

  @Test
  void whenAMigrationNamesAPlaceholderWithoutAValue_thenTheGeneratorRefusesIt() {
    assertThrows(IllegalStateException.class,
        () -> SchemaSqlGenerator.substitute("CREATE TABLE ${prefix}x (a INT) ${engine};",
            DatabaseDialect.MYSQL.placeholders("gatehouse_"), Path.of("V99__test.sql")));
  }

  @Test
  void whenEveryMigrationIsRenderedForEitherDatabase_thenEachOfItsPlaceholdersHasAValue() throws IOException {
    for (DatabaseDialect dialect : DatabaseDialect.values()) {
      for (Path migration : SchemaSqlGenerator.migrations()) {
        String sql = SchemaSqlGenerator.substitute(Files.readString(migration), dialect.placeholders("p_"), migration);
        assertFalse(sql.contains("${"), dialect + " " + migration);
      }
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".sql"))
          .sorted(java.util.Comparator.comparingInt(SchemaSqlGenerator::version))
          .map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }
  }
}
