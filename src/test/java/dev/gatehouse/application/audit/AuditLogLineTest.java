package dev.gatehouse.application.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuditLogLineTest {
  private static final Instant AT = Instant.parse("2026-11-26T10:15:30.123Z");
  private static final List<String> FIELDS = List.of("id", "time", "event", "outcome", "actor", "username",
      "client_id", "subject", "client_address", "grant_id", "session_id", "node", "details");

  private static AuditRecord record(AuditEvent event) {
    return new AuditRecord("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b", AT, "node-1", "192.0.2.7", event);
  }

  private static JsonObject parse(String line) {
    return Json.createReader(new StringReader(line)).readObject();
  }

  /** Every field and every detail set, each to its own marker value. */
  private static AuditEvent everything() {
    AuditEvent.Builder b = AuditEvent.of(AuditEventType.TOKEN_ISSUED).actor("v-actor").username("v-username")
        .clientId("v-client").subject("v-subject").grantId("v-grant").sessionId("v-session");
    for (AuditDetail d : AuditDetail.values()) {
      b.detail(d, "v-" + d.wireName());
    }
    return b.build();
  }

  @Test
  void whitelist_withEveryFieldAndDetailSet_thenOnlyTheFixedFieldsAppearInTheirOrder() {
    JsonObject json = parse(AuditLogLine.format(record(everything())));

    assertEquals(FIELDS, new ArrayList<>(json.keySet()), "the fixed fields, in the documented order");
    Set<String> detailKeys = Arrays.stream(AuditDetail.values()).map(AuditDetail::wireName)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    assertEquals(detailKeys, new LinkedHashSet<>(json.getJsonObject("details").keySet()));
  }

  @Test
  void whitelist_everyValueOnTheLineIsOneTheRecordWasGiven_nothingElse() {
    AuditRecord r = record(everything());
    JsonObject json = parse(AuditLogLine.format(r));

    Set<String> given = new HashSet<>(List.of(r.id(), AT.toString(), "TOKEN_ISSUED", "success", "v-actor",
        "v-username", "v-client", "v-subject", "192.0.2.7", "v-grant", "v-session", "node-1"));
    Arrays.stream(AuditDetail.values()).forEach(d -> given.add("v-" + d.wireName()));
    Set<String> seen = new HashSet<>();
    json.forEach((k, v) -> {
      if (v instanceof JsonObject details) {
        details.values().forEach(d -> seen.add(((JsonString) d).getString()));
      } else {
        seen.add(((JsonString) v).getString());
      }
    });
    assertEquals(given, seen);
  }

  @Test
  void whitelist_theEventModelHasExactlyTheFieldsTheFormatterWrites() {
    // A new field on AuditEvent or AuditRecord (say, a token) fails here until someone decides whether it may be
    // logged and adds it to the line and this list.
    List<String> event = Arrays.stream(AuditEvent.class.getRecordComponents()).map(c -> c.getName()).toList();
    List<String> record = Arrays.stream(AuditRecord.class.getRecordComponents()).map(c -> c.getName()).toList();
    assertEquals(List.of("type", "outcome", "actor", "username", "clientId", "subject", "grantId", "sessionId",
        "details"), event);
    assertEquals(List.of("id", "occurredAt", "node", "clientAddress", "event"), record);
  }

  @Test
  void escaping_whenAUsernameCarriesNewlinesAndAForgedEntry_thenOneLineAndTheForgeryStaysInItsString() {
    String hostile = "alice\n{\"event\":\"SIGN_IN_SUCCEEDED\",\"outcome\":\"success\"}\r\n"
        + "x\u2028y\u2029z\u0085w\u000b\u000c\u0000\u001b[31m\u007f";
    String line = AuditLogLine.format(record(AuditEvent.of(AuditEventType.SESSION_ENDED).username(hostile).build()));

    for (char c : new char[] {'\n', '\r', '\u2028', '\u2029', '\u0085', '\u000b', '\u000c', '\u0000', '\u001b'}) {
      assertEquals(-1, line.indexOf(c), () -> "raw U+" + Integer.toHexString(c) + " on the line: " + line);
    }
    JsonObject json = parse(line);
    assertEquals(hostile, json.getString("username"), "escaped, not dropped: the value reads back exactly");
    assertEquals("SESSION_ENDED", json.getString("event"), "the forged event did not replace the real one");
  }

  @Test
  void escaping_quotesBackslashesAndUnpairedSurrogatesReadBackExactly() {
    for (String hostile : List.of("\"},\"event\":\"ADMIN_CHANGE", "back\\slash\\\"", "\ud800", "a\udc00b",
        "\ud83d\ude00 pair kept", "\ud83d\ud83d\ude00", "中文用户")) {
      String line = AuditLogLine.format(record(AuditEvent.of(AuditEventType.SIGN_IN_FAILED).actor(hostile).build()));
      JsonObject json = parse(line);
      assertEquals(hostile, json.getString("actor"), line);
      assertEquals(FIELDS.stream().filter(f -> json.containsKey(f)).toList(), new ArrayList<>(json.keySet()));
    }
    String pair = AuditLogLine.format(record(AuditEvent.of(AuditEventType.SIGN_IN_FAILED).actor("\ud83d\ude00")
        .build()));
    assertTrue(pair.contains("\ud83d\ude00"), "a valid surrogate pair is written as the character it is");
  }

  @Test
  void emptyFields_areLeftOut() {
    JsonObject json = parse(AuditLogLine.format(new AuditRecord("id-1", AT, null, null,
        AuditEvent.of(AuditEventType.ACCOUNT_LOCKED).build())));

    assertEquals(List.of("id", "time", "event", "outcome"), new ArrayList<>(json.keySet()));
    assertEquals("failure", json.getString("outcome"), "a lockout is a failure by default");
  }

  @Test
  void details_column_isTheSameJsonObjectAsOnTheLine() {
    AuditEvent e = AuditEvent.of(AuditEventType.TOKEN_REVOKED).detail(AuditDetail.REASON, "client_request")
        .detail(AuditDetail.TOKENS_REVOKED, 3).build();
    JsonObject column = parse(AuditLogLine.details(e.details()));

    assertEquals(parse(AuditLogLine.format(record(e))).getJsonObject("details"), column);
    assertEquals("3", column.getString("tokens_revoked"));
    assertFalse(column.containsKey("token_type"));
    assertEquals(JsonValue.ValueType.STRING, column.get("reason").getValueType());
  }
}
