package dev.gatehouse.infrastructure.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A back-channel logout notification owed to a client (an outbox row). */
@Entity
@Table(name = "logout_deliveries")
@NamedQuery(
    name = "LogoutDelivery.due",
    query = "SELECT d FROM LogoutDeliveryEntity d WHERE d.nextAttemptAt <= :now AND d.finishedAt IS NULL"
        + " ORDER BY d.nextAttemptAt")
@NamedQuery(
    name = "LogoutDelivery.dueSkipping",
    query = "SELECT d FROM LogoutDeliveryEntity d WHERE d.nextAttemptAt <= :now AND d.finishedAt IS NULL"
        + " AND d.clientId NOT IN :skipped ORDER BY d.nextAttemptAt")
@NamedQuery(
    name = "LogoutDelivery.claim",
    query = "UPDATE LogoutDeliveryEntity d SET d.nextAttemptAt = :lease"
        + " WHERE d.id = :id AND d.nextAttemptAt <= :now AND d.finishedAt IS NULL")
public class LogoutDeliveryEntity {
  @Id
  public String id;

  @Column(name = "client_id")
  public String clientId;

  public String uri;

  public String sid;

  public String subject;

  @Column(name = "created_at")
  public long createdAt;

  public int attempts;

  @Column(name = "next_attempt_at")
  public long nextAttemptAt;

  @Column(name = "finished_at")
  public Long finishedAt;

  public boolean delivered;

  @Column(name = "last_error")
  public String lastError;
}
