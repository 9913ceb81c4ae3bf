package dev.gatehouse.infrastructure.cache;

import dev.gatehouse.protocol.cluster.Invalidation;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Arrays;
import java.util.Optional;
import dev.gatehouse.infrastructure.cluster.ClusterInvalidation;

/**
 * Invalidates cached access tokens and clients once a change has COMMITTED (never before: a rollback must not leave a token
 * revoked in the cache, and an earlier invalidation could be undone by a concurrent read of the uncommitted row). The
 * callback runs inside the commit, so on this node and on its reachable peers the cache is clean before the revoking
 * request writes its answer ({@link ClusterInvalidation}).
 */
@ApplicationScoped
public class CacheInvalidation {

  /** What an invalidation is about; its name is the {@code kind} of the message between peers. */
  public enum Kind {
    /** One access token, by hash. */
    TOKEN,
    /** Every access token (a bulk revocation by grant, user or client); the key is ignored. */
    ALL_TOKENS,
    /** One client, by id. */
    CLIENT
  }

  @Resource TransactionSynchronizationRegistry transactions;
  @Inject AccessTokenCache tokens;
  @Inject ClientCache clients;
  @Inject ClusterInvalidation cluster;

  /** After the current transaction commits, forget {@code key} of {@code kind} here and on every peer. */
  public void afterCommit(Kind kind, String key) {
    if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
      apply(kind, key);
      return;
    }
    transactions.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
          apply(kind, key);
        }
      }
    });
  }

  private void apply(Kind kind, String key) {
    applyLocally(kind, key);
    cluster.broadcast(kind, key);
  }

  /**
   * Applies a peer's message to this node's caches only, if {@link ClusterInvalidation#receive} accepts it and it is
   * of a kind this node knows. False (and nothing changed) otherwise.
   */
  public boolean applyFromPeer(String message) {
    Optional<Invalidation> accepted = cluster.receive(message);
    Optional<Kind> kind = accepted.flatMap(invalidation -> Arrays.stream(Kind.values())
        .filter(known -> known.name().equals(invalidation.kind())).findFirst());
    kind.ifPresent(known -> applyLocally(known, accepted.get().key()));
    return kind.isPresent();
  }

  /** Applies an invalidation on this node only. */
  private void applyLocally(Kind kind, String key) {
    switch (kind) {
      case TOKEN -> tokens.revoked(key);
      case ALL_TOKENS -> tokens.revokedMany();
      case CLIENT -> clients.changed(key);
    }
  }
}
