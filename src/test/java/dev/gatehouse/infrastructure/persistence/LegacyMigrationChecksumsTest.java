package dev.gatehouse.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The checksums recorded in {@link LegacyMigrationChecksums} are the ones Flyway computes for the former files (the
 * copies under src/test/resources/db/legacy), whatever the prefix; and the dialect comes from the driver's product
 * name.
 */
class LegacyMigrationChecksumsTest {

  @Test
  void whenFlywayReadsTheFormerFiles_thenEachChecksumIsTheRecordedOneForAnyPrefix() {
    for (DatabaseDialect dialect : DatabaseDialect.values()) {
      String dir = "classpath:db/legacy/" + dialect.name().toLowerCase(Locale.ROOT);
      assertEquals(new TreeMap<>(LegacyMigrationChecksums.FORMER.get(dialect)), checksums(dir, "gatehouse_"), dir);
      assertEquals(checksums(dir, "gatehouse_"), checksums(dir, "other_"), "Flyway sums the file before replacing");
    }
  }

  @Test
  void whenAFileDifferedBetweenTheDatabases_thenTheOneSetHasANewChecksumForIt() {
    Map<String, Integer> oneSet = checksums(SchemaMigrator.LOCATION, "gatehouse_");
    for (String version : new String[] {"1", "3", "4", "5", "6", "7", "8", "9"}) {
      assertNotEquals(LegacyMigrationChecksums.FORMER.get(DatabaseDialect.H2).get(version), oneSet.get(version));
      assertNotEquals(LegacyMigrationChecksums.FORMER.get(DatabaseDialect.MYSQL).get(version), oneSet.get(version));
    }
    for (String version : new String[] {"2", "10", "11", "12"}) {
      assertEquals(LegacyMigrationChecksums.FORMER.get(DatabaseDialect.MYSQL).get(version), oneSet.get(version),
          "version " + version + " was the same file everywhere and is unchanged");
    }
  }

  @Test
  void whenTheDriverNamesItsDatabase_thenTheDialectFollows() {
    assertEquals(DatabaseDialect.H2, DatabaseDialect.ofProduct("H2"));
    assertEquals(DatabaseDialect.MYSQL, DatabaseDialect.ofProduct("MySQL"));
    assertEquals(DatabaseDialect.MYSQL, DatabaseDialect.ofProduct("MariaDB"));
    assertThrows(IllegalStateException.class, () -> DatabaseDialect.ofProduct("PostgreSQL"));
  }

  /** Version to the checksum Flyway resolves for the files at {@code location}; nothing is migrated. */
  private static Map<String, Integer> checksums(String location, String prefix) {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:checksums;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
    Map<String, Integer> sums = new TreeMap<>();
    for (MigrationInfo info : Flyway.configure(LegacyMigrationChecksumsTest.class.getClassLoader())
        .dataSource(db).locations(location).placeholders(DatabaseDialect.MYSQL.placeholders(prefix))
        .load().info().all()) {
      sums.put(info.getVersion().getVersion(), info.getResolvedChecksum());
    }
    return sums;
  }
}
