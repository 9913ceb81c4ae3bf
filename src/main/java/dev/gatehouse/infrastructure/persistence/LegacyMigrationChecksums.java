package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.logging.SafeLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Lets databases migrated with the former per-database migration files ({@code db/migration/h2},
 * {@code db/migration/mysql}) start on the one set ({@code db/migration/common}) without anyone running a repair.
 *
 * <p>Flyway 13 stores, for each versioned SQL migration, a CRC32 of the file's lines as they are in the file, before
 * placeholders are replaced (only repeatable migrations are summed after replacement). So each former file has one
 * checksum whatever the table prefix, recorded below, and the one set's file of the same version has another. Its
 * statements, with this database's placeholders, create what the former file created (SchemaUpgradeTest and
 * SchemaUpgradeIT prove it), so a history row that holds exactly a former file's checksum may take the new one.
 *
 * <p>Only such rows are changed, and only their checksum column. When any applied migration's checksum is neither
 * its former file's nor the current one (or its description or type differ), nothing at all is changed, and Flyway's
 * validation refuses the start as before. Flyway's {@code repair()} is never called: it would accept any edit of any
 * applied file.
 */
final class LegacyMigrationChecksums {

  private static final SafeLog LOG = SafeLog.of(LegacyMigrationChecksums.class);

  /**
   * Version to the checksum Flyway computed for the former file of that version (LegacyMigrationChecksumsTest
   * recomputes them from the copies under src/test/resources/db/legacy). Versions 2, 10, 11 and 12 were the same in
   * both dialects and are unchanged in the one set.
   */
  static final Map<DatabaseDialect, Map<String, Integer>> FORMER = Map.of(
      DatabaseDialect.H2, Map.ofEntries(
          Map.entry("1", -62490899),
          Map.entry("2", -2114745201),
          Map.entry("3", 1370859889),
          Map.entry("4", 602750177),
          Map.entry("5", 1308452219),
          Map.entry("6", -169335526),
          Map.entry("7", -1060293914),
          Map.entry("8", -1085840778),
          Map.entry("9", -936428770),
          Map.entry("10", 324821060),
          Map.entry("11", 262855173),
          Map.entry("12", -1307328899)),
      DatabaseDialect.MYSQL, Map.ofEntries(
          Map.entry("1", 261164455),
          Map.entry("2", -2114745201),
          Map.entry("3", -2014985246),
          Map.entry("4", -1328289169),
          Map.entry("5", 620148580),
          Map.entry("6", 653480669),
          Map.entry("7", 330843266),
          Map.entry("8", 514882268),
          Map.entry("9", 1934902269),
          Map.entry("10", 324821060),
          Map.entry("11", 262855173),
          Map.entry("12", -1307328899)));

  private LegacyMigrationChecksums() {}

  /**
   * Replaces, in the history table, each former file's checksum by the one set's; returns the versions it changed.
   * Safe when several nodes start at once: each update names the old checksum, so the second one changes nothing.
   */
  static List<String> realign(Flyway flyway, DataSource dataSource, String historyTable, DatabaseDialect dialect) {
    Map<String, Integer> former = FORMER.get(dialect);
    List<MigrationInfo> stale = new ArrayList<>();
    for (MigrationInfo migration : flyway.info().applied()) {
      if (!migration.isVersioned()
          || !migration.getState().isApplied()
          || migration.getState().isFailed()
          || migration.getResolvedChecksum() == null
          || Objects.equals(migration.getAppliedChecksum(), migration.getResolvedChecksum())) {
        continue; // nothing to realign; whatever else is wrong with it, Flyway's validation says
      }
      if (!Objects.equals(migration.getAppliedChecksum(), former.get(migration.getVersion().getVersion()))
          || !migration.isDescriptionMatching()
          || !migration.isTypeMatching()) {
        return List.of(); // an edit nobody recorded: touch nothing, and let the validation refuse it as before
      }
      stale.add(migration);
    }
    if (stale.isEmpty()) {
      return List.of();
    }
    List<String> changed = new ArrayList<>();
    // The table name is the configured prefix (checked against [a-z][a-z0-9_]*) and a constant: no injection.
    String sql = "UPDATE " + dialect.quote(historyTable) + " SET " + dialect.quote("checksum") + " = ? WHERE "
        + dialect.quote("installed_rank") + " = ? AND " + dialect.quote("version") + " = ? AND "
        + dialect.quote("checksum") + " = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      for (MigrationInfo migration : stale) {
        update.setInt(1, migration.getResolvedChecksum());
        update.setInt(2, migration.getInstalledRank());
        update.setString(3, migration.getVersion().getVersion());
        update.setInt(4, migration.getAppliedChecksum());
        if (update.executeUpdate() == 1) {
          changed.add(migration.getVersion().getVersion());
        }
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update the checksums in " + historyTable, e);
    }
    if (!changed.isEmpty()) {
      LOG.info("Schema history {}: version(s) {} were applied from the former {} migration files; their checksums now"
          + " name the same statements in the one migration set (db/migration/common)", historyTable, changed,
          dialect.name().toLowerCase(java.util.Locale.ROOT));
    }
    return List.copyOf(changed);
  }
}
