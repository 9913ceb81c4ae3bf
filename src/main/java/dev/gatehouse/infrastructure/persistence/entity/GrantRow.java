package dev.gatehouse.infrastructure.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns that codes, access tokens and refresh tokens share: the SHA-256 of the value as the key, the grant that
 * ties them together, who it was issued to, what for (scopes, resources), and when it expires.
 */
@MappedSuperclass
public abstract class GrantRow {
  /** SHA-256 (lowercase hex) of the code or token: the only lookup key, never the value itself. */
  @Id
  public String id;

  @Column(name = "grant_id")
  public String grantId;

  @Column(name = "client_id")
  public String clientId;

  public String subject;

  /** Space-separated, sorted scope tokens. */
  public String scopes;

  /** Space-separated, sorted resource indicators (RFC 8707), or null for none (the default audience). */
  public String resources;

  @Column(name = "issued_at")
  public long issuedAt;

  @Column(name = "expires_at")
  public long expiresAt;
}
