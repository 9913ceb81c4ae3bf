package dev.gatehouse.application.lifecycle;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.store.PurgeStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.gatehouse.application.audit.AuditSettings;
import dev.gatehouse.infrastructure.config.GatehouseConfig;

/**
 * Keeps the tables bounded: every {@code GATEHOUSE_PURGE_INTERVAL} it deletes codes and tokens that expired, or were
 * revoked, more than {@code GATEHOUSE_PURGE_RETENTION} ago, in batches of {@code GATEHOUSE_PURGE_BATCH} rows, each in
 * its own short transaction. A deadlock (MySQL error 1213) or lock-wait timeout is retried with a random back-off;
 * every node of a cluster may run this at the same time.
 *
 * <p>Retention per table: authorization codes and tokens, the rules of {@link PurgeStore.Rule} (a consumed code and a
 * rotated refresh token are kept until they expire, so that a replay is still recognised and revokes its grant);
 * SSO sessions once ended or expired (with the clients they signed in to); audit rows once older than {@code
 * GATEHOUSE_AUDIT_RETENTION} ({@link AuditSettings}); clients, users and consents are never purged (they end by being
 * deleted).
 */
@Singleton
@Startup
@DependsOn("Startup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PurgeScheduler {

  private static final SafeLog LOG = SafeLog.of(PurgeScheduler.class);
  private static final int MAX_ATTEMPTS = 5;

  @Resource TimerService timers;
  @Inject PurgeBatches batches;
  @Inject GatehouseConfig config;
  @Inject AuditSettings audit;
  @Inject Clock clock;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    audit.retention(); // a bad GATEHOUSE_AUDIT_RETENTION stops the start, not the first purge
    audit.node(); // a slow host-name lookup happens now, not in the first request that records an event
    long interval = config.purgeInterval().toMillis();
    timers.createIntervalTimer(interval, interval, new TimerConfig("gatehouse-purge", false));
  }

  @Timeout
  void onTimer() {
    if (running.compareAndSet(false, true)) {
      try {
        purge();
      } finally {
        running.set(false);
      }
    }
  }

  /** One complete purge of every rule; returns the rows deleted per rule. */
  public Map<PurgeStore.Rule, Integer> purge() {
    Instant now = clock.instant();
    Map<PurgeStore.Rule, Integer> deleted = new EnumMap<>(PurgeStore.Rule.class);
    for (PurgeStore.Rule rule : PurgeStore.Rule.values()) {
      Duration retention = rule == PurgeStore.Rule.OLD_AUDIT_EVENTS ? audit.retention() : config.purgeRetention();
      deleted.put(rule, purgeRule(rule, now.minus(retention).toEpochMilli()));
    }
    int total = deleted.values().stream().mapToInt(Integer::intValue).sum();
    if (total > 0) {
      LOG.info("Purged {} row(s): {}", total, deleted);
    }
    return deleted;
  }

  private int purgeRule(PurgeStore.Rule rule, long cutoff) {
    int batch = config.purgeBatch();
    int total = 0;
    int done;
    do {
      done = withRetry(rule, cutoff, batch);
      total += done;
    } while (done == batch);
    return total;
  }

  private int withRetry(PurgeStore.Rule rule, long cutoff, int batch) {
    for (int attempt = 1; ; attempt++) {
      try {
        return batches.purgeBatch(rule, cutoff, batch);
      } catch (RuntimeException e) {
        if (!isLockConflict(e) || attempt == MAX_ATTEMPTS) {
          LOG.warning(e, "Purge of {} stopped; the next run continues", rule);
          return 0;
        }
        LOG.fine("Purge of {} hit a lock conflict, retrying", rule);
        sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(20, 100L * attempt)));
      }
    }
  }

  /** MySQL 1213 (deadlock) or 1205 (lock wait timeout), SQLState 40001 (serialization failure), H2 lock errors. */
  static boolean isLockConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205
          || "40001".equals(sql.getSQLState()) || "HYT00".equals(sql.getSQLState()))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
