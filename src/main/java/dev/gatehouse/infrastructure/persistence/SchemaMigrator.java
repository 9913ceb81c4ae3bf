package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.logging.SafeLog;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned schema migrations ({@code db/migration/common}, one set for every database) with Flyway, under
 * the configured table prefix, with the placeholders of the database it finds ({@link DatabaseDialect}). A schema
 * migrated by the former per-database files gets its history's checksums realigned first
 * ({@link LegacyMigrationChecksums}). Several nodes starting at once are safe: Flyway serialises them with a database
 * lock. {@code GATEHOUSE_DB_MIGRATE=false} switches this off for DBAs who apply {@code server-config/mysql/schema.sql}
 * (generated from the same set by {@code SchemaSqlGenerator}) by hand.
 */
public final class SchemaMigrator {

  private static final SafeLog LOG = SafeLog.of(SchemaMigrator.class);

  /** The one migration set, for every database. */
  static final String LOCATION = "classpath:db/migration/common";

  private SchemaMigrator() {}

  /** Brings the schema up to date, or does nothing when migrations are switched off. */
  public static void migrate(DataSource dataSource, DatabaseSettings settings) {
    if (!settings.migrate()) {
      LOG.info("Schema migrations are off (GATEHOUSE_DB_MIGRATE=false); expecting the schema to be in place");
      return;
    }
    MigrateResult result = apply(dataSource, settings);
    LOG.info("Schema of {} (prefix '{}') at version {}, {} migration(s) applied", settings.describe(),
        settings.tablePrefix(), result.targetSchemaVersion, result.migrationsExecuted);
  }

  /** Realigns the former files' checksums, then migrates (validating every applied migration first). */
  static MigrateResult apply(DataSource dataSource, DatabaseSettings settings) {
    DatabaseDialect dialect = DatabaseDialect.of(dataSource);
    Flyway flyway = configure(dataSource, settings, dialect).load();
    LegacyMigrationChecksums.realign(flyway, dataSource, historyTable(settings), dialect);
    return flyway.migrate();
  }

  static org.flywaydb.core.api.configuration.FluentConfiguration configure(
      DataSource dataSource, DatabaseSettings settings, DatabaseDialect dialect) {
    return Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .table(historyTable(settings))
        .placeholders(dialect.placeholders(settings.tablePrefix()))
        // A new table prefix in a schema that already holds another prefix's tables (tenants sharing one schema):
        // Flyway refuses a non-empty schema without its history table unless told to baseline. Version 0 is below
        // every migration, so all of them still run for the new prefix.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .validateOnMigrate(true);
  }

  /** Flyway's history table of this prefix's schema. */
  static String historyTable(DatabaseSettings settings) {
    return settings.tablePrefix() + "schema_history";
  }
}
