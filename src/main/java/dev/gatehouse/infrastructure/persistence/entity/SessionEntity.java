package dev.gatehouse.infrastructure.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An SSO session; the browser's cookie value only as its SHA-256 ({@code id}). */
@Entity
@Table(name = "sessions")
@NamedQuery(name = "Session.bySid", query = "SELECT s FROM SessionEntity s WHERE s.sid = :sid")
@NamedQuery(
    name = "Session.activeForSubject",
    query = "SELECT s FROM SessionEntity s WHERE s.subject = :subject AND s.expiresAt > :now AND s.endedAt IS NULL"
        + " ORDER BY s.createdAt DESC")
@NamedQuery(
    name = "Session.touch",
    query = "UPDATE SessionEntity s SET s.lastSeenAt = :lastSeen, s.expiresAt = :expiresAt"
        + " WHERE s.sid = :sid AND s.endedAt IS NULL AND s.expiresAt > :lastSeen")
@NamedQuery(
    name = "Session.reauthenticate",
    query = "UPDATE SessionEntity s SET s.id = :cookieHash, s.authTime = :authTime, s.lastSeenAt = :authTime,"
        + " s.expiresAt = :expiresAt WHERE s.sid = :sid AND s.endedAt IS NULL")
@NamedQuery(
    name = "Session.end",
    query = "UPDATE SessionEntity s SET s.endedAt = :now, s.expiresAt = :now"
        + " WHERE s.sid = :sid AND s.endedAt IS NULL AND s.expiresAt > :now")
public class SessionEntity {
  @Id
  public String id;

  public String sid;

  public String subject;

  public String username;

  @Column(name = "auth_time")
  public long authTime;

  @Column(name = "created_at")
  public long createdAt;

  @Column(name = "last_seen_at")
  public long lastSeenAt;

  @Column(name = "expires_at")
  public long expiresAt;

  @Column(name = "ended_at")
  public Long endedAt;
}
