package dev.gatehouse.infrastructure.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A grant: the authorization a user gave a client, tying its code, access and refresh tokens together. */
@Entity
@Table(name = "grants")
@NamedQuery(
    name = "Grant.hold",
    query = "UPDATE GrantEntity g SET g.expiresAt = :expiresAt WHERE g.id = :id AND g.revokedAt IS NULL")
@NamedQuery(
    name = "Grant.revoke",
    query = "UPDATE GrantEntity g SET g.revokedAt = COALESCE(g.revokedAt, :now), g.expiresAt = :now WHERE g.id = :id")
public class GrantEntity {
  @Id
  public String id;

  @Column(name = "client_id")
  public String clientId;

  public String subject;

  public String scopes;

  @Column(name = "created_at")
  public long createdAt;

  @Column(name = "expires_at")
  public long expiresAt;

  @Column(name = "revoked_at")
  public Long revokedAt;

  /** The SSO session the grant was made in, or null. */
  @Column(name = "session_id")
  public String sessionId;
}
