package dev.gatehouse.protocol.store;

import java.time.Instant;

/** The audit trail's rows: append only; only the purge ({@link PurgeStore.Rule#OLD_AUDIT_EVENTS}) deletes them. */
public interface AuditEventStore {

  /**
   * One audit row, as stored.
   *
   * @param id a time-ordered UUID, shared with the event's log line
   * @param details the event's details as their log-line text, or null for none
   */
  record Row(String id, Instant occurredAt, String eventType, String outcome, String actor, String username,
      String clientId, String subject, String clientAddress, String grantId, String sessionId, String node,
      String details) {}

  /** Adds a row in the current transaction. */
  void insert(Row row);
}
