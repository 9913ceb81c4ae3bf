package dev.gatehouse.application.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.store.AuditEventStore;
import dev.gatehouse.testing.FakeTransactions;
import jakarta.transaction.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.gatehouse.infrastructure.logging.LogLines;

/** When rows are written and lines logged, against the caller's transaction (fakes for the container's parts). */
class AuditTrailTest {
  private static final Logger AUDIT_LOG = Logger.getLogger("dev.gatehouse.audit");

  private final LogLines capture = new LogLines();
  private final List<String> lines = capture.lines;
  private final FakeTransactions transactions = new FakeTransactions();
  private final FakeRows rows = new FakeRows();
  private final FakeStore store = new FakeStore();
  private final AuditTrail trail = new AuditTrail();

  @BeforeEach
  void wire() {
    AuditSettings settings = new AuditSettings();
    settings.node = Optional.of("node-a");
    settings.retention = Duration.ofDays(90);
    trail.rows = rows;
    trail.store = store;
    trail.settings = settings;
    trail.origin = () -> Optional.of("198.51.100.4");
    trail.clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    trail.transactions = transactions;
    trail.recorded = transactions.afterSuccess(trail::written);
    AUDIT_LOG.addHandler(capture);
  }

  @AfterEach
  void unwire() {
    AUDIT_LOG.removeHandler(capture);
  }

  private static AuditEvent event() {
    return AuditEvent.of(AuditEventType.TOKEN_ISSUED).clientId("app").build();
  }

  @Test
  void inATransaction_theRowJoinsIt_andTheLineWaitsForTheCommit() {
    transactions.status = Status.STATUS_ACTIVE;
    trail.record(event());

    assertEquals(1, store.inserted.size(), "the row is written inside the caller's transaction");
    assertEquals(0, rows.calls, "no transaction of its own");
    assertEquals(List.of(), lines, "no line before the commit");
    transactions.complete(Status.STATUS_COMMITTED);
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).contains("\"id\":\"" + store.inserted.get(0).id() + "\""), "row and line share the id");
    assertTrue(lines.get(0).contains("\"client_address\":\"198.51.100.4\""));
    assertTrue(lines.get(0).contains("\"node\":\"node-a\""));
  }

  @Test
  void inATransaction_thatRollsBack_noLine() {
    transactions.status = Status.STATUS_ACTIVE;
    trail.record(event());
    transactions.complete(Status.STATUS_ROLLEDBACK);

    assertEquals(List.of(), lines, "the tokens were never issued: no line says they were");
  }

  @Test
  void inATransaction_whenTheRowFails_theCallersTransactionFailsToo() {
    transactions.status = Status.STATUS_ACTIVE;
    store.fail = true;

    assertThrows(IllegalStateException.class, () -> trail.record(event()), "atomic with what it describes");
    assertEquals(List.of(), lines);
  }

  @Test
  void whenTheTransactionIsAlreadyMarkedForRollback_thenNeitherRowNorLine() {
    transactions.status = Status.STATUS_MARKED_ROLLBACK;
    trail.record(event());
    transactions.complete(Status.STATUS_ROLLEDBACK);

    assertEquals(0, store.inserted.size() + rows.inserted.size(), "what the event describes will not happen");
    assertEquals(List.of(), lines);
  }

  @Test
  void withoutATransaction_theRowsGetTheirOwn_andTheLinesFollowAtOnce() {
    transactions.status = Status.STATUS_NO_TRANSACTION;
    trail.record(event(), AuditEvent.of(AuditEventType.ACCOUNT_LOCKED).build());

    assertEquals(2, rows.inserted.size());
    assertEquals(1, rows.calls, "both rows in one transaction");
    assertEquals(2, lines.size());
  }

  @Test
  void withoutATransaction_whenTheRowFails_theLineIsStillWritten() {
    transactions.status = Status.STATUS_NO_TRANSACTION;
    rows.fail = true;

    trail.record(AuditEvent.of(AuditEventType.SIGN_IN_FAILED).build());

    assertEquals(1, lines.size(), "a failed sign-in is not lost because the database was");
  }

  @Test
  void outsideARequest_noClientAddress() {
    transactions.status = Status.STATUS_NO_TRANSACTION;
    trail.origin = () -> {
      throw new IllegalStateException("no request context");
    };

    trail.record(event());

    assertEquals(null, rows.inserted.get(0).clientAddress());
  }

  private static final class FakeRows extends AuditRows {
    final List<AuditRecord> inserted = new ArrayList<>();
    int calls;
    boolean fail;

    @Override
    public void insert(List<AuditRecord> records) {
      if (fail) {
        throw new IllegalStateException("database down");
      }
      calls++;
      inserted.addAll(records);
    }
  }

  private static final class FakeStore implements AuditEventStore {
    final List<AuditEventStore.Row> inserted = new ArrayList<>();
    boolean fail;

    @Override
    public void insert(AuditEventStore.Row row) {
      if (fail) {
        throw new IllegalStateException("database down");
      }
      inserted.add(row);
    }
  }
}
