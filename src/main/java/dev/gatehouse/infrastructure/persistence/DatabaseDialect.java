package dev.gatehouse.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The databases Gatehouse runs on, and what the one migration set ({@code db/migration/common}) needs to know about
 * each: the Flyway placeholders that hold the few clauses the two do not share. Everything else in the migrations is
 * SQL both accept (indexes as {@code CREATE INDEX}, unique keys as {@code CONSTRAINT … UNIQUE}).
 *
 * <p>The MySQL values are the clauses of the former {@code db/migration/mysql} files; the H2 values are those of the
 * former {@code db/migration/h2} files (mostly nothing), so each database gets the schema it got before
 * (SchemaUpgradeTest and SchemaUpgradeIT compare them).
 */
public enum DatabaseDialect {
  /** The embedded default. It compares strings exactly and has no storage engines or character sets to name. */
  H2('"', Map.of(
      "table_options", "",
      "ascii", "",
      "jwk_text", "VARCHAR(8000)",
      "modify_column", "ALTER COLUMN")),
  /** MySQL 8 and MariaDB 10.6+ (Connector/J reports MariaDB as MySQL). */
  MYSQL('`', Map.of(
      // utf8mb4_bin: identifiers and redirect URIs compare exactly, byte for byte.
      "table_options", "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
      // Hex hashes, UUIDs and key ids: one byte a character, so their indexes stay small.
      "ascii", "CHARACTER SET ascii",
      "jwk_text", "TEXT",
      "modify_column", "MODIFY"));

  /** The placeholder that holds the table prefix; its value comes from configuration, not from the dialect. */
  public static final String PREFIX = "prefix";

  private final char quote;
  private final Map<String, String> clauses;

  DatabaseDialect(char quote, Map<String, String> clauses) {
    this.quote = quote;
    this.clauses = clauses;
  }

  /** The dialect of the database behind {@code dataSource}, from the product name its driver reports. */
  public static DatabaseDialect of(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return ofProduct(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to the database to find out which it is", e);
    }
  }

  static DatabaseDialect ofProduct(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.equals("h2")) {
      return H2;
    }
    if (name.contains("mysql") || name.contains("mariadb")) {
      return MYSQL;
    }
    throw new IllegalStateException("Gatehouse runs on H2, MySQL or MariaDB, not on " + productName);
  }

  /** Every placeholder of the migrations, for this database and table prefix. */
  public Map<String, String> placeholders(String tablePrefix) {
    Map<String, String> all = new HashMap<>(clauses);
    all.put(PREFIX, tablePrefix);
    return Map.copyOf(all);
  }

  /**
   * A lower-case name as this database spells it exactly (Flyway's history table and columns are lower case on both,
   * whatever H2's case settings).
   */
  String quote(String identifier) {
    return quote + identifier + quote;
  }
}
