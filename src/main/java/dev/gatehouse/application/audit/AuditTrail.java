package dev.gatehouse.application.audit;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.store.AuditEventStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The audit trail: every security event becomes one row of {@code audit_events} and one log line of logger {@code
 * dev.gatehouse.audit} ({@link AuditLogLine}), with the same id. Each event is recorded at one place, listed in
 * {@link AuditEventType}.
 *
 * <p>Transactions: an event that describes a change (tokens issued, consent given, a session ended) is recorded inside
 * that change's transaction, so the row commits or rolls back with it, and the log line is written only once it has
 * committed: one more INSERT, no second connection. An event whose request fails and rolls back (a failed sign-in, a
 * replayed code) is recorded by its caller after that transaction has ended, in a short transaction of its own
 * ({@link AuditRows}); if even that fails, the log line is still written, with a warning, so the event is not
 * lost. Never a REQUIRES_NEW inside a running transaction: that would hold a second pooled connection. The lines
 * follow through an {@link AuditRecorded} event and its after-success observer {@link #written}, the one after-commit
 * mechanism described in {@link dev.gatehouse.application}; the transaction registry is only asked whether a
 * transaction runs.
 *
 * <p>For the administration: {@code audit.record(AuditEvent.adminChange(adminSubject, "client.update", "client",
 * clientId).detail(AuditDetail.FIELDS, "redirect_uris scope").build())} in the same transaction as the change.
 */
@ApplicationScoped
public class AuditTrail {
  private static final SafeLog AUDIT = SafeLog.named("dev.gatehouse.audit");
  private static final SafeLog LOG = SafeLog.of(AuditTrail.class);

  @Inject AuditRows rows;
  @Inject AuditEventStore store;
  @Inject AuditSettings settings;
  @Inject RequestOrigin origin;
  @Inject Clock clock;
  @Resource TransactionSynchronizationRegistry transactions;
  @Inject Event<AuditRecorded> recorded;

  /** Records the events, in the caller's transaction if there is one, else in one of their own. */
  public void record(AuditEvent... events) {
    List<AuditRecord> records = stamp(events);
    int status = transactions.getTransactionStatus();
    if (status == Status.STATUS_NO_TRANSACTION) {
      try {
        rows.insert(records);
      } catch (RuntimeException e) {
        LOG.warning(e, "audit event(s) not stored; their log lines follow");
      }
      recorded.fire(new AuditRecorded(records)); // no transaction: the observer is called at once
    } else if (status == Status.STATUS_ACTIVE) {
      // Straight to the store: its entity manager joins the caller's transaction. The EJB's REQUIRED would too, but
      // its call costs more than the INSERT on the token endpoint's path.
      for (AuditRecord record : records) {
        store.insert(AuditRows.row(record));
      }
      recorded.fire(new AuditRecorded(records)); // the observer waits for the commit
    } else {
      // Marked for rollback: what the events describe will not happen.
      LOG.fine("audit event(s) dropped with their rolled-back transaction: {}", records.size());
    }
  }

  private List<AuditRecord> stamp(AuditEvent... events) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // the row keeps milliseconds: so does the line
    String node = settings.node();
    String address = clientAddress().orElse(null);
    List<AuditRecord> records = new ArrayList<>(events.length);
    for (AuditEvent event : events) {
      records.add(new AuditRecord(timeOrderedId(now), now, node, address, event));
    }
    return records;
  }

  private Optional<String> clientAddress() {
    try {
      return origin.clientAddress();
    } catch (RuntimeException e) { // no request context on this thread (a timer)
      return Optional.empty();
    }
  }

  /**
   * Writes the log lines once the rows' transaction has committed, or at once when there was none; a rollback leaves
   * neither row nor line (CDI 4.0 §10.5: an after-success observer is skipped when the transaction fails).
   */
  void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditRecorded event) {
    for (AuditRecord record : event.records()) {
      AUDIT.info("{}", AuditLogLine.format(record));
    }
  }

  /**
   * A version 7 UUID (RFC 9562 §5.7): 48 bits of Unix milliseconds, then 74 random bits. Ids grow with time, so rows
   * are appended at the end of the primary key rather than scattered through it; no coordination between nodes.
   */
  static String timeOrderedId(Instant at) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0fffL);
    long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
