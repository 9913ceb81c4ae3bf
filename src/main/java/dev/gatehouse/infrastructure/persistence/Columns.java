package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.persistence.entity.GrantRow;
import dev.gatehouse.protocol.resource.ResourceIndicators;
import dev.gatehouse.protocol.scope.Scopes;
import java.time.Instant;
import java.util.Set;

/** Conversions between column values and protocol values, shared by the stores. */
final class Columns {
  private Columns() {}

  static long millis(Instant instant) {
    return instant.toEpochMilli();
  }

  static Long millisOrNull(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  static String scopes(Set<String> scopes) {
    return Scopes.format(scopes);
  }

  static Set<String> scopes(String column) {
    return Scopes.parse(column);
  }

  static Set<String> resources(String column) {
    return ResourceIndicators.parse(column);
  }

  /** Fills the columns every code and token row has. */
  static <T extends GrantRow> T grantRow(T row, String hash, String grantId, String clientId, String subject,
      Set<String> scopes, Set<String> resources, Instant issuedAt, Instant expiresAt) {
    row.id = hash;
    row.grantId = grantId;
    row.clientId = clientId;
    row.subject = subject;
    row.scopes = scopes(scopes);
    row.resources = ResourceIndicators.format(resources);
    row.issuedAt = millis(issuedAt);
    row.expiresAt = millis(expiresAt);
    return row;
  }
}
