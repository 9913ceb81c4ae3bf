package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.protocol.store.PurgeStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Deletes rows that have outlived their retention, one small batch at a time, by primary key. Each batch first reads
 * up to {@code limit} ids through the {@code expires_at} index (a revocation sets {@code expires_at} too), then deletes exactly those
 * ids; InnoDB locks them in primary-key order, so two nodes purging the same rows wait for each other instead of
 * deadlocking (and the caller retries the rare deadlock anyway).
 */
@ApplicationScoped
public class JpaPurge implements PurgeStore {

  /** The entity and the time column of each rule. */
  private record Table(String entity, String column) {}

  private static Table table(Rule rule) {
    return switch (rule) {
      case EXPIRED_CODES -> new Table("AuthorizationCodeEntity", "expiresAt");
      // A revocation sets expires_at to its own time: these rules purge revoked rows too.
      case ENDED_ACCESS_TOKENS -> new Table("AccessTokenEntity", "expiresAt");
      case ENDED_REFRESH_TOKENS -> new Table("RefreshTokenEntity", "expiresAt");
      case ENDED_GRANTS -> new Table("GrantEntity", "expiresAt");
      // Logout sets expires_at too; the clients a session signed in to go with it.
      case ENDED_SESSIONS -> new Table("SessionEntity", "expiresAt");
      // A back-channel notification once delivered, or given up on.
      case FINISHED_LOGOUT_DELIVERIES -> new Table("LogoutDeliveryEntity", "finishedAt");
      // Failed sign-in counters whose window is over and whose lockout has ended.
      case STALE_LOGIN_FAILURES -> new Table("LoginFailureEntity", "expiresAt");
      // Audit rows older than GATEHOUSE_AUDIT_RETENTION (not GATEHOUSE_PURGE_RETENTION): the caller's cutoff says so.
      case OLD_AUDIT_EVENTS -> new Table("AuditEventEntity", "occurredAt");
    };
  }

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Override
  public int purgeBatch(Rule rule, long cutoffMillis, int limit) {
    Table table = table(rule);
    List<String> ids = em.createQuery("SELECT r.id FROM " + table.entity() + " r WHERE r." + table.column()
            + " < :cutoff ORDER BY r." + table.column(), String.class)
        .setParameter("cutoff", cutoffMillis)
        .setMaxResults(limit)
        .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    if (rule == Rule.ENDED_SESSIONS) {
      List<String> sids = em.createQuery("SELECT s.sid FROM SessionEntity s WHERE s.id IN :ids", String.class)
          .setParameter("ids", ids).getResultList();
      em.createQuery("DELETE FROM SessionClientEntity c WHERE c.sid IN :sids")
          .setParameter("sids", sids.stream().sorted().toList()).executeUpdate();
    }
    return em.createQuery("DELETE FROM " + table.entity() + " r WHERE r.id IN :ids")
        .setParameter("ids", ids.stream().sorted().toList())
        .executeUpdate();
  }
}
