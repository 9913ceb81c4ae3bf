package dev.gatehouse.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gatehouse.protocol.admin.AdminActor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.gatehouse.application.audit.AuditDetail;
import dev.gatehouse.application.audit.AuditEvent;
import dev.gatehouse.application.audit.AuditEventType;

/** An administrative change becomes one ADMIN_CHANGE audit event whose columns name who did what to what. */
class AdminChangesTest {

  @Test
  void aClientChangeByAConsoleUserFillsTheActorUsernameAndClientColumns() {
    AuditEvent event = AdminChanges.event(AdminActor.user("sub-root", "root"), "client.delete",
        "client:wiki tokens_revoked=3");
    assertEquals(AuditEventType.ADMIN_CHANGE, event.type());
    assertEquals("sub-root", event.actor());
    assertEquals("root", event.username());
    assertEquals("wiki", event.clientId());
    assertNull(event.subject());
    assertEquals(Map.of(AuditDetail.ACTION, "client.delete", AuditDetail.TARGET_TYPE, "client",
        AuditDetail.TARGET_ID, "wiki", AuditDetail.TOKENS_REVOKED, "3"), event.details());
  }

  @Test
  void aSessionEndedByAnAutomationClientNamesTheSessionAndItsUser() {
    AuditEvent event = AdminChanges.event(AdminActor.client("ops"), "session.end", "session:sid-1 user:sub-alice");
    assertEquals("ops", event.actor());
    assertEquals("sub-alice", event.subject());
    assertEquals("session", event.details().get(AuditDetail.TARGET_TYPE));
    assertEquals("sid-1", event.details().get(AuditDetail.TARGET_ID));
  }

  @Test
  void aUsersTokenActingThroughAClientRecordsBoth() {
    AuditEvent event = AdminChanges.event(new AdminActor("admin-app", "sub-root", "root"), "user.disable",
        "user:sub-bob sessions_ended=2 tokens_revoked=5");
    assertEquals("sub-root", event.actor());
    assertEquals("sub-bob", event.subject());
    assertEquals("admin-app", event.details().get(AuditDetail.ACTOR_CLIENT));
    assertEquals("2", event.details().get(AuditDetail.SESSIONS_ENDED));
    assertEquals("5", event.details().get(AuditDetail.TOKENS_REVOKED));
  }
}
