package dev.gatehouse.infrastructure.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A client an SSO session signed in to. */
@Entity
@Table(name = "session_clients")
@IdClass(SessionClientEntity.Key.class)
@NamedQuery(
    name = "SessionClient.ofSession",
    query = "SELECT c.clientId FROM SessionClientEntity c WHERE c.sid = :sid ORDER BY c.createdAt")
public class SessionClientEntity {
  @Id
  public String sid;

  @Id
  @Column(name = "client_id")
  public String clientId;

  @Column(name = "created_at")
  public long createdAt;

  /** The composite primary key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    public String sid;
    public String clientId;

    public Key() {}

    public Key(String sid, String clientId) {
      this.sid = sid;
      this.clientId = clientId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(sid, k.sid) && Objects.equals(clientId, k.clientId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(sid, clientId);
    }
  }
}
