package dev.gatehouse.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * What the one migration set promises each database, proved on a real one by each subclass (H2 in
 * {@link SchemaUpgradeTest}, MariaDB in {@link SchemaUpgradeIT}): an installation migrated by the former per-database
 * files (copies under src/test/resources/db/legacy) starts on the one set with nothing re-run and nothing to do by
 * hand but the migrations newer than the former files; any other checksum mismatch still stops it; and the one set,
 * up to the former files' last version, builds the schema the former files built.
 */
abstract class SchemaUpgradeContract {

  /** The former files' last version: the one set's later migrations are new to every installation. */
  static final String FORMER_LAST = "12";
  static final int FORMER_COUNT = 12;

  /** Not the default prefix: a checksum that depended on the prefix would not match the recorded one. */
  static final String PREFIX = "tenant_";

  /** A new, empty database of this dialect; the subclass drops it after the test. */
  abstract DataSource newDatabase(String name);

  abstract DatabaseDialect dialect();

  @Test
  void whenTheSchemaWasMigratedByTheFormerFiles_thenTheOneSetStartsWithoutRunningAMigration() throws SQLException {
    DataSource db = newDatabase("upgraded");
    migrateWithFormerFiles(db);
    List<String> schemaBefore = SchemaSnapshot.of(db, dialect());
    List<String> historyBefore = history(db, "installed_rank, version, description, script, installed_on, success");

    MigrateResult result = SchemaMigrator.apply(db, settings());

    assertEquals(oneSetCount() - FORMER_COUNT, result.migrationsExecuted,
        "no migration may run again; only the newer ones run");
    assertEquals(historyBefore, history(db, "installed_rank, version, description, script, installed_on, success")
        .subList(0, historyBefore.size()));
    DataSource fresh = newDatabase("fresh");
    SchemaMigrator.apply(fresh, settings());
    SchemaSnapshot.assertSameSchema(SchemaSnapshot.of(fresh, dialect()), SchemaSnapshot.of(db, dialect()),
        "after the upgrade, as the one set builds it");
    assertFalse(schemaBefore.isEmpty());
    assertEquals(oneSetChecksums(db), history(db, "version, checksum"), "the history now names the one set's files");
    assertEquals(0, SchemaMigrator.apply(db, settings()).migrationsExecuted, "and the next start finds nothing to do");
  }

  @Test
  void whenAnAppliedChecksumIsNeitherTheFormerFilesNorTheOneSets_thenTheStartFailsAndTheHistoryStaysAsItWas()
      throws SQLException {
    DataSource db = newDatabase("edited");
    migrateWithFormerFiles(db);
    execute(db, "UPDATE " + PREFIX + "schema_history SET checksum = 12345 WHERE version = '3'");
    List<String> historyBefore = history(db, "installed_rank, version, checksum");

    assertThrows(FlywayException.class, () -> SchemaMigrator.apply(db, settings()));

    assertEquals(historyBefore, history(db, "installed_rank, version, checksum"),
        "one unknown mismatch: not even the former files' checksums are touched");
  }

  @Test
  void whenTheOneSetMigratesAnEmptyDatabase_thenItsSchemaEqualsTheOneTheFormerFilesBuilt() {
    DataSource former = newDatabase("former");
    migrateWithFormerFiles(former);
    DataSource oneSet = newDatabase("oneset");

    assertEquals(FORMER_COUNT, SchemaMigrator.configure(oneSet, settings(), dialect()).target(FORMER_LAST).load()
        .migrate().migrationsExecuted);

    List<String> expected = SchemaSnapshot.of(former, dialect());
    assertFalse(expected.isEmpty());
    SchemaSnapshot.assertSameSchema(expected, SchemaSnapshot.of(oneSet, dialect()), "one set against former files");
  }

  private static int oneSetCount() {
    return SchemaSqlGenerator.migrations().size();
  }

  /** The former SchemaMigrator's configuration, with the former files of this dialect. */
  void migrateWithFormerFiles(DataSource db) {
    Flyway.configure(getClass().getClassLoader())
        .dataSource(db)
        .locations("classpath:db/legacy/" + dialect().name().toLowerCase(java.util.Locale.ROOT))
        .table(PREFIX + "schema_history")
        .placeholders(Map.of("prefix", PREFIX))
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .validateOnMigrate(true)
        .load()
        .migrate();
  }

  static DatabaseSettings settings() {
    return new DatabaseSettings("jdbc:test", "", "", PREFIX, true, false, Path.of("target"), java.util.Optional.empty());
  }

  private List<String> oneSetChecksums(DataSource db) {
    List<String> rows = new ArrayList<>();
    for (MigrationInfo info : SchemaMigrator.configure(db, settings(), dialect()).load().info().all()) {
      rows.add(info.getVersion().getVersion() + " | " + info.getResolvedChecksum());
    }
    return rows;
  }

  static List<String> history(DataSource db, String columns) throws SQLException {
    try (Connection c = db.getConnection()) {
      return SchemaSnapshot.rows(c,
          "SELECT " + columns + " FROM " + PREFIX + "schema_history WHERE version <> '0' ORDER BY installed_rank");
    }
  }

  static void execute(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.executeUpdate();
    }
  }
}
