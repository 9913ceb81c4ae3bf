package dev.gatehouse.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Invalidates cached access tokens and clients once a change has COMMITTED (never before: a rollback must not leave a token
 * revoked in the cache, and an earlier invalidation could be undone by a concurrent read of the uncommitted row). The
 * callback runs inside the commit, so on this node and on its peers the cache is clean before the revoking request
 * writes its answer.
 */
@ApplicationScoped
public class CacheInvalidation {

  /** What an invalidation is about; also the wire form between peers ({@code kind=…&key=…}). */
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

  /** Applies an invalidation on this node only (also what a peer's broadcast arrives as). */
  public void applyLocally(Kind kind, String key) {
    switch (kind) {
      case TOKEN -> tokens.revoked(key);
      case ALL_TOKENS -> tokens.revokedMany();
      case CLIENT -> clients.changed(key);
    }
  }
}
