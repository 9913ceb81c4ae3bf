package dev.gatehouse.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The one way tests change rows behind the server (MariaDB execution only): moving {@code expires_at} into the past,
 * so that "expired" can be tested without waiting out a ten-minute token lifetime, and an audit row's {@code
 * occurred_at}, so that its retention can be tested without waiting 90 days. Only those time columns are touched,
 * exactly as time passing would; everything else the tests observe through HTTP or {@link Database} reads.
 *
 * <p>Age a token before anything has looked it up: the server keeps active access tokens in memory
 * ({@code AccessTokenCache}, with the expiry it read), and a change made behind its back cannot reach that copy.
 */
public final class RowAging {
  private RowAging() {}

  /** Sets {@code expires_at} (epoch millis) of the row with this id (the SHA-256 of the token); returns rows changed. */
  public static int expireById(String table, String id, long expiresAtMillis) {
    return update("UPDATE " + table + " SET expires_at = ? WHERE id = ?", expiresAtMillis, id);
  }

  /** Sets {@code expires_at} (epoch millis) of every row of {@code table} issued to this client; returns rows changed. */
  public static int expireByClient(String table, String clientId, long expiresAtMillis) {
    return update("UPDATE " + table + " SET expires_at = ? WHERE client_id = ?", expiresAtMillis, clientId);
  }

  /** Sets {@code occurred_at} (epoch millis) of the audit row with this id; returns rows changed. */
  public static int ageAuditEvent(String id, long occurredAtMillis) {
    return update("UPDATE " + Database.PREFIX + "audit_events SET occurred_at = ? WHERE id = ?", occurredAtMillis, id);
  }

  /** Any other change a test makes behind the server's back (a value registration would refuse today). */
  static int update(String sql, Object... parameters) {
    try (Connection connection = Database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("update failed: " + sql, e);
    }
  }
}
