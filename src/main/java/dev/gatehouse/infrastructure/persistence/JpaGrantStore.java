package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.persistence.entity.GrantEntity;
import dev.gatehouse.protocol.store.GrantStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Grants. {@link #holdActive} is an {@code UPDATE} of the grant's row: it takes the row lock for the rest of the
 * transaction, which is the lock every revocation of the grant takes first ({@link JpaGrantTokens}).
 */
@ApplicationScoped
public class JpaGrantStore implements GrantStore {

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Override
  public void open(String grantId, String clientId, String subject, Set<String> scopes, Instant now,
      Instant expiresAt, String sessionId) {
    GrantEntity e = new GrantEntity();
    e.id = grantId;
    e.clientId = clientId;
    e.subject = subject;
    e.scopes = Columns.scopes(scopes);
    e.createdAt = now.toEpochMilli();
    e.expiresAt = expiresAt.toEpochMilli();
    e.sessionId = sessionId;
    em.persist(e);
  }

  @Override
  public boolean holdActive(String grantId, Instant expiresAt) {
    return em.createNamedQuery("Grant.hold")
            .setParameter("id", grantId)
            .setParameter("expiresAt", expiresAt.toEpochMilli())
            .executeUpdate()
        == 1;
  }

  @Override
  public Optional<String> sessionOf(String grantId) {
    return em.createQuery("SELECT g.sessionId FROM GrantEntity g WHERE g.id = :id", String.class)
        .setParameter("id", grantId).getResultStream().filter(Objects::nonNull).findFirst();
  }
}
