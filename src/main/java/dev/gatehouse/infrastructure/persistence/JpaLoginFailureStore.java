package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.persistence.entity.LoginFailureEntity;
import dev.gatehouse.protocol.login.FailureCounter;
import dev.gatehouse.protocol.login.ThrottleKey;
import dev.gatehouse.protocol.store.LoginFailureStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** The {@code login_failures} table. */
@ApplicationScoped
public class JpaLoginFailureStore implements LoginFailureStore {

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Override
  public Optional<FailureCounter> find(ThrottleKey key) {
    return Optional.ofNullable(em.find(LoginFailureEntity.class, key.id())).map(JpaLoginFailureStore::counter);
  }

  @Override
  public Optional<FailureCounter> findForUpdate(ThrottleKey key) {
    return Optional.ofNullable(em.find(LoginFailureEntity.class, key.id(), LockModeType.PESSIMISTIC_WRITE))
        .map(JpaLoginFailureStore::counter);
  }

  @Override
  public void save(ThrottleKey key, FailureCounter counter, Instant staleAt) {
    LoginFailureEntity e = em.find(LoginFailureEntity.class, key.id());
    boolean created = e == null;
    if (created) {
      e = new LoginFailureEntity();
      e.id = key.id();
      e.kind = key.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
    e.failures = counter.failures();
    e.windowStart = counter.windowStart().toEpochMilli();
    e.lockedUntil = counter.lockedUntil().toEpochMilli();
    e.lockouts = counter.lockouts();
    e.expiresAt = staleAt.toEpochMilli();
    e.lastFailureAt = counter.lastFailure().toEpochMilli();
    if (created) {
      em.persist(e);
    }
  }

  @Override
  public void delete(ThrottleKey key) {
    em.createQuery("DELETE FROM LoginFailureEntity f WHERE f.id = :id").setParameter("id", key.id()).executeUpdate();
  }

  private static FailureCounter counter(LoginFailureEntity e) {
    return new FailureCounter(e.failures, Instant.ofEpochMilli(e.windowStart), Instant.ofEpochMilli(e.lockedUntil),
        e.lockouts, Instant.ofEpochMilli(e.lastFailureAt));
  }
}
