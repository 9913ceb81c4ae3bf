package dev.gatehouse.infrastructure.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An authorization code, keyed by the SHA-256 of its value; {@code consumedAt} makes it single-use. */
@Entity
@Table(name = "authorization_codes")
@NamedQuery(
    name = "AuthorizationCode.consume",
    query = "UPDATE AuthorizationCodeEntity c SET c.consumedAt = :now WHERE c.id = :id AND c.consumedAt IS NULL")
public class AuthorizationCodeEntity extends GrantRow {

  @Column(name = "redirect_uri")
  public String redirectUri;

  @Column(name = "code_challenge")
  public String codeChallenge;

  public String nonce;

  @Column(name = "session_id")
  public String sessionId;

  @Column(name = "auth_time")
  public long authTime;

  @Column(name = "consumed_at")
  public Long consumedAt;
}
