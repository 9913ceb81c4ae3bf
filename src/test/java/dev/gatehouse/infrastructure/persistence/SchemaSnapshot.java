package dev.gatehouse.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A database's schema as INFORMATION_SCHEMA describes it (tables, columns with type, nullability, default, character
 * set and collation; indexes with their columns and uniqueness; constraints), one sorted line a fact, so that two
 * schemas compare with {@code assertEquals} and a difference reads as the lines that differ.
 */
final class SchemaSnapshot {

  private static final List<String> MYSQL = List.of(
      "SELECT 'table', table_name, engine, table_collation FROM information_schema.tables"
          + " WHERE table_schema = DATABASE()",
      "SELECT 'column', table_name, column_name, ordinal_position, column_type, is_nullable, column_default,"
          + " character_set_name, collation_name, column_key, extra FROM information_schema.columns"
          + " WHERE table_schema = DATABASE()",
      "SELECT 'index', table_name, index_name, non_unique, seq_in_index, column_name, sub_part, index_type"
          + " FROM information_schema.statistics WHERE table_schema = DATABASE()",
      "SELECT 'constraint', table_name, constraint_name, constraint_type FROM information_schema.table_constraints"
          + " WHERE table_schema = DATABASE()");

  private static final List<String> H2 = List.of(
      "SELECT 'table', table_name, table_type FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA",
      "SELECT 'column', table_name, column_name, ordinal_position, data_type, character_maximum_length,"
          + " numeric_precision, numeric_scale, is_nullable, column_default, collation_name"
          + " FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA",
      "SELECT 'index', i.table_name, i.index_name, i.index_type_name, c.ordinal_position, c.column_name, c.is_unique"
          + " FROM information_schema.indexes i JOIN information_schema.index_columns c"
          + " ON c.index_schema = i.index_schema AND c.index_name = i.index_name AND c.table_name = i.table_name"
          + " WHERE i.table_schema = CURRENT_SCHEMA",
      "SELECT 'constraint', t.table_name, t.constraint_name, t.constraint_type, k.column_name, k.ordinal_position"
          + " FROM information_schema.table_constraints t LEFT JOIN information_schema.key_column_usage k"
          + " ON k.constraint_schema = t.constraint_schema AND k.constraint_name = t.constraint_name"
          + " WHERE t.table_schema = CURRENT_SCHEMA");

  /**
   * The names H2 generates for the indexes behind a primary key or unique constraint (PRIMARY_KEY_8,
   * users_username_INDEX_B) end in a counter of the database's objects, which an ALTER TABLE moves: not a fact of
   * the schema, so left out.
   */
  private static final java.util.regex.Pattern H2_GENERATED =
      java.util.regex.Pattern.compile("(PRIMARY_KEY|_INDEX)_[0-9A-F]+(?= \\|)");

  private SchemaSnapshot() {}

  /** Fails with the lines only one side has (not two full lists) when the schemas differ. */
  static void assertSameSchema(List<String> expected, List<String> actual, String what) {
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    List<String> extra = new ArrayList<>(actual);
    extra.removeAll(expected);
    if (!missing.isEmpty() || !extra.isEmpty() || expected.size() != actual.size()) {
      fail(what + ": schemas differ\n  expected only:\n    " + String.join("\n    ", missing)
          + "\n  actual only:\n    " + String.join("\n    ", extra));
    }
  }

  static List<String> of(DataSource db, DatabaseDialect dialect) {
    List<String> lines = new ArrayList<>();
    try (Connection connection = db.getConnection()) {
      for (String sql : dialect == DatabaseDialect.H2 ? H2 : MYSQL) {
        for (String line : rows(connection, sql)) {
          lines.add(dialect == DatabaseDialect.H2 ? H2_GENERATED.matcher(line).replaceAll("$1_#") : line);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the schema", e);
    }
    lines.sort(null);
    return lines;
  }

  /** Each row of the query as one line, its values joined by {@code " | "}, in the query's order. */
  static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          line.append(i > 1 ? " | " : "").append(rs.getObject(i));
        }
        lines.add(line.toString());
      }
    }
    return lines;
  }
}
