package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Direct JDBC reads of the MariaDB database the server under test writes to (the it-mariadb execution only: on H2 the
 * database is a locked file inside the server). Read-only: tests look, they never change rows behind the server.
 */
public final class Database {
  /** The table prefix of the server's default configuration. */
  public static final String PREFIX = "gatehouse_";
  public static final String CODES = PREFIX + "authorization_codes";
  public static final String ACCESS_TOKENS = PREFIX + "access_tokens";
  public static final String REFRESH_TOKENS = PREFIX + "refresh_tokens";

  private Database() {}

  /** A new connection; the caller closes it. Fails the test when this run has no JDBC URL (the H2 execution). */
  public static Connection connect() {
    String url = System.getProperty("gatehouse.it.dbUrl", "");
    assertFalse(url.isBlank(), "this test reads the database directly and runs in the it-mariadb execution only");
    try {
      return DriverManager.getConnection(url, System.getProperty("gatehouse.it.dbUser"),
          System.getProperty("gatehouse.it.dbPassword"));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to the test database", e);
    }
  }

  /** Lowercase hex SHA-256 of the UTF-8 bytes: the server's lookup key for a code or token. */
  public static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every row the query returns, each as column label (lower case) to value. */
  public static List<Map<String, Object>> rows(String sql, Object... parameters) {
    try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        return read(rs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }

  /** The one row with this primary key, or null. */
  public static Map<String, Object> byId(String table, String id) {
    List<Map<String, Object>> found = rows("SELECT * FROM " + table + " WHERE id = ?", id);
    return found.isEmpty() ? null : found.get(0);
  }

  /** The rows of {@code table} with this grant id. */
  public static List<Map<String, Object>> byGrant(String table, String grantId) {
    return rows("SELECT * FROM " + table + " WHERE grant_id = ?", grantId);
  }

  /** The names of every table of the server's schema (those with the Gatehouse prefix). */
  public static List<String> gatehouseTables() {
    try (Connection connection = connect()) {
      DatabaseMetaData meta = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(connection.getCatalog(), null, PREFIX + "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      return tables;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the tables", e);
    }
  }

  private static List<Map<String, Object>> read(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<Map<String, Object>> rows = new ArrayList<>();
    while (rs.next()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        row.put(meta.getColumnLabel(c).toLowerCase(java.util.Locale.ROOT), rs.getObject(c));
      }
      rows.add(row);
    }
    return rows;
  }
}
