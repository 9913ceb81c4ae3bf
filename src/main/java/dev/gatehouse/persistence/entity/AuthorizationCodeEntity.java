package dev.gatehouse.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An authorization code, keyed by the SHA-256 of its value; {@code consumedAt} makes it single-use. */
@Entity
@Table(name = "authorization_codes")
@NamedQuery(
    name = "AuthorizationCode.consume",
    query = "UPDATE AuthorizationCodeEntity c SET c.consumedAt = :now WHERE c.id = :id AND c.consumedAt IS NULL")
public class AuthorizationCodeEntity {
  @Id
  public String id;

  @Column(name = "grant_id")
  public String grantId;

  @Column(name = "client_id")
  public String clientId;

  public String subject;

  @Column(name = "redirect_uri")
  public String redirectUri;

  public String scopes;

  @Column(name = "code_challenge")
  public String codeChallenge;

  public String nonce;

  @Column(name = "auth_time")
  public long authTime;

  @Column(name = "issued_at")
  public long issuedAt;

  @Column(name = "expires_at")
  public long expiresAt;

  @Column(name = "consumed_at")
  public Long consumedAt;
}
