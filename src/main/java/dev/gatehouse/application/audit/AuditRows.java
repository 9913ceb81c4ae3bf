package dev.gatehouse.application.audit;

import dev.gatehouse.protocol.store.AuditEventStore;
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

  @Inject AuditEventStore store;

  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void insert(List<AuditRecord> records) {
    for (AuditRecord record : records) {
      store.insert(row(record));
    }
  }

  /** The row of a record. */
  static AuditEventStore.Row row(AuditRecord r) {
    AuditEvent e = r.event();
    return new AuditEventStore.Row(r.id(), r.occurredAt(), e.type().name(), e.outcome().wireName(), e.actor(),
        e.username(), e.clientId(), e.subject(), r.clientAddress(), e.grantId(), e.sessionId(), r.node(),
        e.details().isEmpty() ? null : AuditLogLine.details(e.details()));
  }
}
