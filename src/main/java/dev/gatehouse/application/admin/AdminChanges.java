package dev.gatehouse.application.admin;

import dev.gatehouse.protocol.admin.AdminActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.gatehouse.application.audit.AuditDetail;
import dev.gatehouse.application.audit.AuditEvent;
import dev.gatehouse.application.audit.AuditTrail;

/**
 * The one place every administrative change is recorded, whoever makes it (admin API, console, dynamic
 * registration): who, what, and on what. Each administration service calls {@link #record} once per change, inside
 * the change's transaction, so the record is an {@code ADMIN_CHANGE} row of the audit trail that commits or rolls
 * back with the change, and one structured audit log line after the commit. Never give it a secret: targets are
 * identifiers (client id, subject, session id, grant id) and counts.
 */
@ApplicationScoped
public class AdminChanges {

  @Inject AuditTrail audit;

  /**
   * @param action what was done, as {@code kind.verb} (e.g. {@code client.create}, {@code user.disable})
   * @param target what it was done to, as {@code kind:id} (e.g. {@code client:intranet}), optionally followed by
   *     related {@code user:<subject>} or {@code client:<id>} and counts ({@code tokens_revoked=3}, {@code
   *     sessions_ended=1}), separated by spaces
   */
  public void record(AdminActor actor, String action, String target) {
    audit.record(event(actor, action, target));
  }

  /** The audit event of a change: the actor's columns, the target's type and id, related user and client, counts. */
  static AuditEvent event(AdminActor actor, String action, String target) {
    String[] parts = target.trim().split("\\s+");
    int colon = parts[0].indexOf(':');
    String type = colon < 0 ? parts[0] : parts[0].substring(0, colon);
    String id = colon < 0 ? null : parts[0].substring(colon + 1);
    AuditEvent.Builder event = AuditEvent.adminChange(
        actor.subject() != null ? actor.subject() : actor.clientId(), action, type, id)
        .username(actor.username());
    if (actor.subject() != null && actor.clientId() != null) {
      event.detail(AuditDetail.ACTOR_CLIENT, actor.clientId());
    }
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (part.startsWith("user:")) {
        event.subject(part.substring(5));
      } else if (part.startsWith("client:")) {
        event.clientId(part.substring(7));
      } else if (part.startsWith("tokens_revoked=")) {
        event.detail(AuditDetail.TOKENS_REVOKED, part.substring(15));
      } else if (part.startsWith("sessions_ended=")) {
        event.detail(AuditDetail.SESSIONS_ENDED, part.substring(15));
      }
    }
    return event.build();
  }
}
