package dev.gatehouse.application.audit;

import java.util.Map;

/**
 * Writes an audit record as one line of JSON, for the log and (its details) for the {@code details} column.
 *
 * <p>The fields are fixed and always in this order, each left out when empty: {@code id}, {@code time} (ISO-8601,
 * UTC), {@code event}, {@code outcome}, {@code actor}, {@code username}, {@code client_id}, {@code subject}, {@code
 * client_address}, {@code grant_id}, {@code session_id}, {@code node}, {@code details} (an object whose keys are the
 * {@link AuditDetail} names). Nothing else can appear: the line is built from the record's own fields, never from a
 * map a caller filled.
 *
 * <p>Every value is a JSON string with everything that could end or fake a line escaped: quotes, backslashes, all
 * control characters (CR and LF included, and C1 controls such as NEL), the Unicode line and paragraph separators, and
 * unpaired surrogates. A username of {@code "x\n{\"event\":\"SIGN_IN_SUCCEEDED\"}"} stays inside its own string, on
 * its own line.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8259#section-7">RFC 8259 §7 (strings)</a>
 */
public final class AuditLogLine {
  private AuditLogLine() {}

  /** The record as one line of JSON. */
  public static String format(AuditRecord record) {
    AuditEvent e = record.event();
    StringBuilder json = new StringBuilder(256).append('{');
    field(json, "id", record.id());
    field(json, "time", record.occurredAt().toString());
    field(json, "event", e.type().name());
    field(json, "outcome", e.outcome().wireName());
    field(json, "actor", e.actor());
    field(json, "username", e.username());
    field(json, "client_id", e.clientId());
    field(json, "subject", e.subject());
    field(json, "client_address", record.clientAddress());
    field(json, "grant_id", e.grantId());
    field(json, "session_id", e.sessionId());
    field(json, "node", record.node());
    if (!e.details().isEmpty()) {
      json.append(",\"details\":").append(details(e.details()));
    }
    return json.append('}').toString();
  }

  /** The details as a JSON object (the {@code details} column), keys in {@link AuditDetail} order. */
  public static String details(Map<AuditDetail, String> details) {
    StringBuilder json = new StringBuilder(64).append('{');
    details.forEach((key, value) -> field(json, key.wireName(), value));
    return json.append('}').toString();
  }

  private static void field(StringBuilder json, String name, String value) {
    if (value == null) {
      return;
    }
    if (json.charAt(json.length() - 1) != '{') {
      json.append(',');
    }
    json.append('"').append(name).append("\":");
    string(json, value);
  }

  /** Appends {@code value} as a JSON string that is one line of printable text. */
  static void string(StringBuilder json, String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (mustEscape(value, i, c)) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }

  /** Control characters (C0, DEL, C1), line and paragraph separators, and surrogates that are not a pair. */
  private static boolean mustEscape(String s, int i, char c) {
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
