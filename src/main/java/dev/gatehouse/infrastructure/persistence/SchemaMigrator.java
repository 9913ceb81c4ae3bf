package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.logging.SafeLog;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned schema migrations ({@code db/migration/h2} or {@code db/migration/mysql}) with Flyway, under
 * the configured table prefix. Several nodes starting at once are safe: Flyway serialises them with a database lock.
 * {@code GATEHOUSE_DB_MIGRATE=false} switches this off for DBAs who apply {@code server-config/mysql/schema.sql} by
 * hand.
 */
public final class SchemaMigrator {

  private static final SafeLog LOG = SafeLog.of(SchemaMigrator.class);

  private SchemaMigrator() {}

  /** Brings the schema up to date, or does nothing when migrations are switched off. */
  public static void migrate(DataSource dataSource, DatabaseSettings settings) {
    if (!settings.migrate()) {
      LOG.info("Schema migrations are off (GATEHOUSE_DB_MIGRATE=false); expecting the schema to be in place");
      return;
    }
    MigrateResult result = configure(dataSource, settings).load().migrate();
    LOG.info("Schema of {} (prefix '{}') at version {}, {} migration(s) applied", settings.describe(),
        settings.tablePrefix(), result.targetSchemaVersion, result.migrationsExecuted);
  }

  static org.flywaydb.core.api.configuration.FluentConfiguration configure(
      DataSource dataSource, DatabaseSettings settings) {
    return Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration/" + settings.dialect())
        .table(settings.tablePrefix() + "schema_history")
        .placeholders(Map.of("prefix", settings.tablePrefix()))
        // A new table prefix in a schema that already holds another prefix's tables (tenants sharing one schema):
        // Flyway refuses a non-empty schema without its history table unless told to baseline. Version 0 is below
        // every migration, so all of them still run for the new prefix.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .validateOnMigrate(true);
  }
}
