package dev.gatehouse.application.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventTest {

  @Test
  void columns_whenValuesAreLongerThanTheirColumns_thenClippedAndNeverInsideASurrogatePair() {
    String emoji = "\ud83d\ude00";
    AuditEvent e = AuditEvent.of(AuditEventType.SIGN_IN_SUCCEEDED)
        .username("u".repeat(AuditEvent.USERNAME_MAX - 1) + emoji)
        .clientId("c".repeat(500))
        .detail(AuditDetail.SCOPE, "s".repeat(1000))
        .build();

    assertEquals(AuditEvent.USERNAME_MAX - 1, e.username().length(), "the pair is dropped whole");
    assertEquals(AuditEvent.CLIENT_ID_MAX, e.clientId().length());
    assertEquals(AuditEvent.DETAIL_MAX, e.details().get(AuditDetail.SCOPE).length());
    AuditRecord r = new AuditRecord("id", Instant.EPOCH, "n".repeat(100), "a".repeat(100), e);
    assertEquals(AuditRecord.NODE_MAX, r.node().length());
    assertEquals(AuditRecord.ADDRESS_MAX, r.clientAddress().length());
  }

  @Test
  void outcome_defaultsToTheTypesOutcome_andCanBeSetForAnAdminChange() {
    assertEquals(AuditOutcome.FAILURE, AuditEvent.of(AuditEventType.CODE_REPLAY_DETECTED).build().outcome());
    assertEquals(AuditOutcome.SUCCESS, AuditEvent.of(AuditEventType.TOKEN_ISSUED).build().outcome());
    assertEquals(AuditOutcome.FAILURE,
        AuditEvent.adminChange("admin", "client.update", "client", "app").outcome(AuditOutcome.FAILURE).build()
            .outcome());
  }

  @Test
  void adminChange_fillsTheClientOrSubjectColumnOfItsTarget_andItsDetails() {
    AuditEvent client = AuditEvent.adminChange("admin-sub", "client.update", "client", "intranet").build();
    AuditEvent user = AuditEvent.adminChange("admin-sub", "user.disable", "user", "sub-1").build();
    AuditEvent session = AuditEvent.adminChange("admin-sub", "session.end", "session", "sid-1").build();

    assertEquals("intranet", client.clientId());
    assertNull(client.subject());
    assertEquals("sub-1", user.subject());
    assertNull(session.clientId());
    assertNull(session.subject());
    assertEquals(Map.of(AuditDetail.ACTION, "user.disable", AuditDetail.TARGET_TYPE, "user",
        AuditDetail.TARGET_ID, "sub-1"), user.details());
    assertEquals("admin-sub", user.actor());
  }

  @Test
  void details_areImmutable_andANullValueIsLeftOut() {
    AuditEvent e = AuditEvent.of(AuditEventType.SIGN_IN_FAILED).detail(AuditDetail.REASON, null)
        .detail(AuditDetail.ACCOUNT_KEY, "1a2b3c4d").build();

    assertEquals(Map.of(AuditDetail.ACCOUNT_KEY, "1a2b3c4d"), e.details());
    assertThrows(UnsupportedOperationException.class, () -> e.details().put(AuditDetail.REASON, "x"));
  }

  @Test
  void ids_areVersion7UuidsThatSortByTime() {
    List<String> ids = new ArrayList<>();
    for (long ms = 1_700_000_000_000L; ms < 1_700_000_000_000L + 50; ms++) {
      ids.add(AuditTrail.timeOrderedId(Instant.ofEpochMilli(ms)));
    }
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    assertEquals(ids, sorted, "string order is time order: rows are appended at the end of the key");
    UUID uuid = UUID.fromString(ids.get(0));
    assertEquals(7, uuid.version());
    assertEquals(2, uuid.variant());
    assertEquals(1_700_000_000_000L, uuid.getMostSignificantBits() >>> 16);
    assertTrue(ids.stream().distinct().count() == ids.size());
  }
}
