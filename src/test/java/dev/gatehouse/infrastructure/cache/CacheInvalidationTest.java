package dev.gatehouse.infrastructure.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.testing.FakeTransactions;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.gatehouse.infrastructure.cluster.ClusterInvalidation;

/**
 * When and in which order a changed cache entry is forgotten, here and on the peers, against the transaction that
 * changed it (the container's part faked by {@link FakeTransactions}, CDI's after-success delivery).
 */
class CacheInvalidationTest {
  private final List<String> calls = new ArrayList<>();
  private final FakeTransactions transactions = new FakeTransactions();
  private final CacheInvalidation invalidation = new CacheInvalidation();
  private Event<CacheEntriesChanged> changes;

  @BeforeEach
  void wire() {
    invalidation.tokens = new AccessTokenCache() {
      @Override
      void revoked(String hash) {
        calls.add("here: token " + hash);
      }

      @Override
      void revokedMany() {
        calls.add("here: all tokens");
      }
    };
    invalidation.clients = new ClientCache() {
      @Override
      void changed(String clientId) {
        calls.add("here: client " + clientId);
      }
    };
    invalidation.cluster = new ClusterInvalidation() {
      @Override
      public void broadcast(CacheInvalidation.Kind kind, String key) {
        calls.add("peers: " + kind + " " + key);
      }
    };
    changes = transactions.afterSuccess(invalidation::committed);
  }

  @Test
  void whenARevocationCommits_thenForgottenHereFirst_thenOnThePeers() {
    transactions.status = Status.STATUS_ACTIVE;
    changes.fire(CacheEntriesChanged.token("hash-1"));

    assertEquals(List.of(), calls, "nothing before the commit: the row may still roll back");
    transactions.complete(Status.STATUS_COMMITTED);
    assertEquals(List.of("here: token hash-1", "peers: TOKEN hash-1"), calls);
  }

  @Test
  void whenTheChangeRollsBack_thenNothingIsForgottenAnywhere() {
    transactions.status = Status.STATUS_ACTIVE;
    changes.fire(CacheEntriesChanged.client("app"));
    transactions.complete(Status.STATUS_ROLLEDBACK);

    assertEquals(List.of(), calls, "a rollback must not leave a token revoked in the cache");
  }

  @Test
  void whenNoTransactionRuns_thenForgottenAtOnce() {
    changes.fire(CacheEntriesChanged.allTokens());

    assertEquals(List.of("here: all tokens", "peers: ALL_TOKENS *"), calls);
  }

  @Test
  void whenTheTransactionIsAlreadyMarkedForRollback_thenNothingIsForgotten() {
    transactions.status = Status.STATUS_MARKED_ROLLBACK;
    changes.fire(CacheEntriesChanged.token("hash-1"));
    transactions.complete(Status.STATUS_ROLLEDBACK);

    assertEquals(List.of(), calls);
  }

  @Test
  void whenSeveralChangesCommitTogether_thenEachIsForgottenInTheOrderItWasMade() {
    transactions.status = Status.STATUS_ACTIVE;
    changes.fire(CacheEntriesChanged.client("app"));
    changes.fire(CacheEntriesChanged.token("hash-2"));
    transactions.complete(Status.STATUS_COMMITTED);

    assertEquals(List.of("here: client app", "peers: CLIENT app", "here: token hash-2", "peers: TOKEN hash-2"),
        calls);
  }
}
