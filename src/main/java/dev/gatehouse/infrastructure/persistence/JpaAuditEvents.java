package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.persistence.entity.AuditEventEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The {@code audit_events} table: append only. The purge ({@link JpaPurge.Rule#OLD_AUDIT_EVENTS}) is the only thing
 * that deletes from it.
 */
@ApplicationScoped
public class JpaAuditEvents {

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  /** Adds a row in the current transaction. */
  public void insert(AuditEventEntity row) {
    em.persist(row);
  }
}
