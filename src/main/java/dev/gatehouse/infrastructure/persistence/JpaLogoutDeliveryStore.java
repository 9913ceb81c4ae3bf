package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.persistence.entity.LogoutDeliveryEntity;
import dev.gatehouse.protocol.store.LogoutDeliveryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code logout_deliveries} outbox. */
@ApplicationScoped
public class JpaLogoutDeliveryStore implements LogoutDeliveryStore {
  private static final int ERROR_LENGTH = 200;

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Override
  public void enqueue(LogoutDelivery delivery, Instant now) {
    LogoutDeliveryEntity e = new LogoutDeliveryEntity();
    e.id = delivery.id();
    e.clientId = delivery.clientId();
    e.uri = delivery.uri();
    e.sid = delivery.sid();
    e.subject = delivery.subject();
    e.createdAt = now.toEpochMilli();
    e.attempts = delivery.attempts();
    e.nextAttemptAt = now.toEpochMilli();
    em.persist(e);
  }

  @Override
  public List<LogoutDelivery> due(Instant now, int limit, Set<String> skippedClients) {
    // An empty IN list is not SQL: without clients to skip, the plain query.
    TypedQuery<LogoutDeliveryEntity> query = skippedClients.isEmpty()
        ? em.createNamedQuery("LogoutDelivery.due", LogoutDeliveryEntity.class)
        : em.createNamedQuery("LogoutDelivery.dueSkipping", LogoutDeliveryEntity.class)
            .setParameter("skipped", List.copyOf(skippedClients));
    return query.setParameter("now", now.toEpochMilli())
        .setMaxResults(limit)
        .getResultStream()
        .map(e -> new LogoutDelivery(e.id, e.clientId, e.uri, e.sid, e.subject, e.attempts))
        .collect(Collectors.toList());
  }

  @Override
  public boolean claim(String id, Instant now, Instant leaseUntil) {
    return em.createNamedQuery("LogoutDelivery.claim")
        .setParameter("id", id)
        .setParameter("now", now.toEpochMilli())
        .setParameter("lease", leaseUntil.toEpochMilli())
        .executeUpdate() == 1;
  }

  @Override
  public void delivered(String id, int attempts, Instant now) {
    LogoutDeliveryEntity e = em.find(LogoutDeliveryEntity.class, id);
    if (e != null) {
      e.attempts = attempts;
      e.delivered = true;
      e.finishedAt = now.toEpochMilli();
      e.lastError = null;
    }
  }

  @Override
  public void failed(String id, int attempts, Optional<Instant> nextAttempt, String error, Instant now) {
    LogoutDeliveryEntity e = em.find(LogoutDeliveryEntity.class, id);
    if (e != null) {
      e.attempts = attempts;
      e.lastError = error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
      if (nextAttempt.isPresent()) {
        e.nextAttemptAt = nextAttempt.get().toEpochMilli();
      } else {
        e.finishedAt = now.toEpochMilli();
      }
    }
  }
}
