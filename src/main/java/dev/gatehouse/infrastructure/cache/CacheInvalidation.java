package dev.gatehouse.infrastructure.cache;

import dev.gatehouse.protocol.cluster.Invalidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import dev.gatehouse.infrastructure.cluster.ClusterInvalidation;

/**
 * Invalidates cached access tokens and clients once a change has COMMITTED (never before: a rollback must not leave a token
 * revoked in the cache, and an earlier invalidation could be undone by a concurrent read of the uncommitted row). The
 * callback runs inside the commit, so on this node and on its reachable peers the cache is clean before the revoking
 * request writes its answer ({@link ClusterInvalidation}). The stores fire a {@link CacheEntriesChanged} in the
 * changing transaction; {@link #committed} observes it after success, the one after-commit mechanism described in
 * {@link dev.gatehouse.application}.
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

  @Inject AccessTokenCache tokens;
  @Inject ClientCache clients;
  @Inject ClusterInvalidation cluster;

  /**
   * Once the change has committed (at once when there was no transaction; never after a rollback, CDI 4.0 §10.5),
   * forgets it on this node first and then on every peer, so that this node is clean even while a peer is slow.
   */
  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CacheEntriesChanged change) {
    applyLocally(change.kind(), change.key());
    cluster.broadcast(change.kind(), change.key());
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
