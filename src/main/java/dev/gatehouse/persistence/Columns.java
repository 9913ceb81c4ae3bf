package dev.gatehouse.persistence;

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
}
