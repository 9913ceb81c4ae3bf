package dev.gatehouse.infrastructure.persistence;

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
public class JpaPurge {

  /** What can be purged, and the JPQL that finds it. Every table with rows that end has a rule here. */
  public enum Rule {
    EXPIRED_CODES("AuthorizationCodeEntity", "expiresAt"),
    // A revocation sets expires_at to its own time: these rules purge revoked rows too.
    ENDED_ACCESS_TOKENS("AccessTokenEntity", "expiresAt"),
    ENDED_REFRESH_TOKENS("RefreshTokenEntity", "expiresAt"),
    ENDED_GRANTS("GrantEntity", "expiresAt"),
    // Logout sets expires_at too; the clients a session signed in to go with it.
    ENDED_SESSIONS("SessionEntity", "expiresAt"),
    // A back-channel notification once delivered, or given up on.
    FINISHED_LOGOUT_DELIVERIES("LogoutDeliveryEntity", "finishedAt"),
    // Failed sign-in counters whose window is over and whose lockout has ended.
    STALE_LOGIN_FAILURES("LoginFailureEntity", "expiresAt"),
    // Audit rows older than GATEHOUSE_AUDIT_RETENTION (not GATEHOUSE_PURGE_RETENTION): the caller's cutoff says so.
    OLD_AUDIT_EVENTS("AuditEventEntity", "occurredAt");

    final String entity;
    final String column;

    Rule(String entity, String column) {
      this.entity = entity;
      this.column = column;
    }
  }

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  /** Deletes up to {@code limit} rows whose {@code rule} time is before {@code cutoffMillis}; returns how many. */
  public int purgeBatch(Rule rule, long cutoffMillis, int limit) {
    List<String> ids = em.createQuery("SELECT r.id FROM " + rule.entity + " r WHERE r." + rule.column
            + " < :cutoff ORDER BY r." + rule.column, String.class)
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
    return em.createQuery("DELETE FROM " + rule.entity + " r WHERE r.id IN :ids")
        .setParameter("ids", ids.stream().sorted().toList())
        .executeUpdate();
  }
}
