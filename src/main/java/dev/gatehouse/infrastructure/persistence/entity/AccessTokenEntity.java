package dev.gatehouse.infrastructure.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An opaque access token, keyed by the SHA-256 of its value. */
@Entity
@Table(name = "access_tokens")
@NamedQuery(
    name = "AccessToken.revoke",
    query = "UPDATE AccessTokenEntity t SET t.revokedAt = :now, t.expiresAt = :now"
        + " WHERE t.id = :id AND t.revokedAt IS NULL")
public class AccessTokenEntity extends GrantRow {

  @Column(name = "revoked_at")
  public Long revokedAt;
}
