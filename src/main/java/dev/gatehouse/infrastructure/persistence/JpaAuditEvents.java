package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.persistence.entity.AuditEventEntity;
import dev.gatehouse.protocol.store.AuditEventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The {@code audit_events} table: append only. The purge ({@link JpaPurge}, rule {@code OLD_AUDIT_EVENTS}) is the
 * only thing that deletes from it.
 */
@ApplicationScoped
public class JpaAuditEvents implements AuditEventStore {

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  /** Adds a row in the current transaction. */
  @Override
  public void insert(Row row) {
    em.persist(entity(row));
  }

  static AuditEventEntity entity(Row r) {
    AuditEventEntity row = new AuditEventEntity();
    row.id = r.id();
    row.occurredAt = r.occurredAt().toEpochMilli();
    row.eventType = r.eventType();
    row.outcome = r.outcome();
    row.actor = r.actor();
    row.username = r.username();
    row.clientId = r.clientId();
    row.subject = r.subject();
    row.clientAddress = r.clientAddress();
    row.grantId = r.grantId();
    row.sessionId = r.sessionId();
    row.node = r.node();
    row.details = r.details();
    return row;
  }
}
