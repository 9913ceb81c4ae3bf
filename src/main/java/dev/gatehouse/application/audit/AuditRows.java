package dev.gatehouse.application.audit;

import dev.gatehouse.infrastructure.persistence.JpaAuditEvents;
import dev.gatehouse.infrastructure.persistence.entity.AuditEventEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The audit trail's own transactions: {@link AuditTrail} calls it for events recorded when no transaction is running
 * (after a failed request's has ended), so the rows get a short transaction of their own, which holds the request's
 * only connection. Inside a running transaction {@link AuditTrail} writes through the store directly.
 */
@Stateless
public class AuditRows {

  @Inject JpaAuditEvents store;

  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void insert(List<AuditRecord> records) {
    for (AuditRecord record : records) {
      store.insert(entity(record));
    }
  }

  /** The row of a record. */
  static AuditEventEntity entity(AuditRecord r) {
    AuditEvent e = r.event();
    AuditEventEntity row = new AuditEventEntity();
    row.id = r.id();
    row.occurredAt = r.occurredAt().toEpochMilli();
    row.eventType = e.type().name();
    row.outcome = e.outcome().wireName();
    row.actor = e.actor();
    row.username = e.username();
    row.clientId = e.clientId();
    row.subject = e.subject();
    row.clientAddress = r.clientAddress();
    row.grantId = e.grantId();
    row.sessionId = e.sessionId();
    row.node = r.node();
    row.details = e.details().isEmpty() ? null : AuditLogLine.details(e.details());
    return row;
  }
}
