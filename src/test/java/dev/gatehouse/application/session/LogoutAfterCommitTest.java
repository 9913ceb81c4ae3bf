package dev.gatehouse.application.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.testing.FakeTransactions;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the back-channel notifications of ended sessions go out, against the transaction that ended them. */
class LogoutAfterCommitTest {
  private final FakeTransactions transactions = new FakeTransactions();
  private final LogoutAfterCommit observer = new LogoutAfterCommit();
  private final int[] deliveries = new int[1];
  private Event<LogoutAfterCommit.SessionsEnded> sessionsEnded;

  @BeforeEach
  void wire() {
    observer.backchannel = new BackchannelLogout() {
      @Override
      public void deliverSoon() {
        deliveries[0]++;
      }
    };
    sessionsEnded = transactions.afterSuccess(observer::sessionsEnded);
  }

  @Test
  void whenTheEndingCommits_thenTheNotificationsGoOutOnce() {
    transactions.status = Status.STATUS_ACTIVE;
    sessionsEnded.fire(new LogoutAfterCommit.SessionsEnded(2));

    assertEquals(0, deliveries[0], "not before the commit: the sessions may yet live on");
    transactions.complete(Status.STATUS_COMMITTED);
    assertEquals(1, deliveries[0]);
  }

  @Test
  void whenTheEndingRollsBack_thenNothingIsSent() {
    transactions.status = Status.STATUS_ACTIVE;
    sessionsEnded.fire(new LogoutAfterCommit.SessionsEnded(1));
    transactions.complete(Status.STATUS_ROLLEDBACK);

    assertEquals(0, deliveries[0]);
  }

  @Test
  void whenNoSessionEnded_thenNothingIsSent() {
    transactions.status = Status.STATUS_ACTIVE;
    sessionsEnded.fire(new LogoutAfterCommit.SessionsEnded(0));
    transactions.complete(Status.STATUS_COMMITTED);

    assertEquals(0, deliveries[0]);
  }
}
