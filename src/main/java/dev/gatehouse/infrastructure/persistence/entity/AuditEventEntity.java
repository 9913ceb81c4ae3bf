package dev.gatehouse.infrastructure.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row of the audit trail ({@code application.AuditTrail}): written once, never updated, deleted by the purge
 * after {@code GATEHOUSE_AUDIT_RETENTION}. It holds no token, code, secret or password, nor a hash of one.
 */
@Entity
@Table(name = "audit_events")
public class AuditEventEntity {
  @Id
  public String id;

  @Column(name = "occurred_at")
  public long occurredAt;

  @Column(name = "event_type")
  public String eventType;

  public String outcome;

  public String actor;

  public String username;

  @Column(name = "client_id")
  public String clientId;

  public String subject;

  @Column(name = "client_address")
  public String clientAddress;

  @Column(name = "grant_id")
  public String grantId;

  @Column(name = "session_id")
  public String sessionId;

  public String node;

  public String details;
}
