package dev.gatehouse.infrastructure.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A signing key: public JWK, private JWK encrypted under the key-encryption key, and its life (epoch millis). */
@Entity
@Table(name = "signing_keys")
@NamedQuery(name = "SigningKey.all", query = "SELECT k FROM SigningKeyEntity k ORDER BY k.activatesAt, k.kid")
@NamedQuery(
    name = "SigningKey.retire",
    query = "UPDATE SigningKeyEntity k SET k.retiredAt = :retiredAt, k.publishedUntil = :publishedUntil"
        + " WHERE k.kid = :kid AND k.publishedUntil IS NULL")
@NamedQuery(name = "SigningKey.delete", query = "DELETE FROM SigningKeyEntity k WHERE k.kid = :kid")
public class SigningKeyEntity {
  @Id
  public String kid;

  public String alg;

  @Column(name = "public_jwk")
  public String publicJwk;

  /** A JWE (dir, A256GCM) under the key-encryption key; never the plaintext private key. */
  @Column(name = "private_jwk")
  public String privateJwk;

  @Column(name = "created_at")
  public long createdAt;

  @Column(name = "activates_at")
  public long activatesAt;

  @Column(name = "retired_at")
  public Long retiredAt;

  @Column(name = "published_until")
  public Long publishedUntil;
}
