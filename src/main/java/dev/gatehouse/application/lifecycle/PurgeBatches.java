package dev.gatehouse.application.lifecycle;

import dev.gatehouse.protocol.store.PurgeStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** One purge batch per transaction: short transactions that hold their row locks for milliseconds. */
@Stateless
public class PurgeBatches {

  @Inject PurgeStore purge;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int purgeBatch(PurgeStore.Rule rule, long cutoffMillis, int limit) {
    return purge.purgeBatch(rule, cutoffMillis, limit);
  }
}
