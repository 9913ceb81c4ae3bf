package dev.gatehouse.infrastructure.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A refresh token, keyed by the SHA-256 of its value; {@code rotatedAt} makes a rotating token single-use. */
@Entity
@Table(name = "refresh_tokens")
@NamedQuery(name = "RefreshToken.byId", query = "SELECT t FROM RefreshTokenEntity t WHERE t.id = :id")
@NamedQuery(
    name = "RefreshToken.markRotated",
    query = "UPDATE RefreshTokenEntity t SET t.rotatedAt = :now"
        + " WHERE t.id = :id AND t.rotatedAt IS NULL AND t.revokedAt IS NULL")
public class RefreshTokenEntity extends GrantRow {

  @Column(name = "auth_time")
  public Long authTime;

  @Column(name = "rotated_at")
  public Long rotatedAt;

  @Column(name = "revoked_at")
  public Long revokedAt;
}
