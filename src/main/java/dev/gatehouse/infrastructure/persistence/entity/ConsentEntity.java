package dev.gatehouse.infrastructure.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** The scopes a user has granted a client, remembered so the consent page is not shown again. */
@Entity
@Table(name = "consents")
@IdClass(ConsentEntity.Key.class)
public class ConsentEntity {
  @Id
  public String subject;

  @Id
  @Column(name = "client_id")
  public String clientId;

  public String scopes;

  @Column(name = "granted_at")
  public long grantedAt;

  /** The composite primary key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    public String subject;
    public String clientId;

    public Key() {}

    public Key(String subject, String clientId) {
      this.subject = subject;
      this.clientId = clientId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(subject, k.subject) && Objects.equals(clientId, k.clientId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(subject, clientId);
    }
  }
}
