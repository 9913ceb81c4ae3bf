package dev.gatehouse.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An opaque access token, keyed by the SHA-256 of its value. */
@Entity
@Table(name = "access_tokens")
@NamedQuery(
    name = "AccessToken.revokeGrant",
    query = "UPDATE AccessTokenEntity t SET t.revokedAt = :now WHERE t.grantId = :grantId AND t.revokedAt IS NULL")
public class AccessTokenEntity {
  @Id
  public String id;

  @Column(name = "grant_id")
  public String grantId;

  @Column(name = "client_id")
  public String clientId;

  public String subject;

  public String scopes;

  @Column(name = "issued_at")
  public long issuedAt;

  @Column(name = "expires_at")
  public long expiresAt;

  @Column(name = "revoked_at")
  public Long revokedAt;
}
