package dev.gatehouse.application.lifecycle;

import dev.gatehouse.infrastructure.persistence.JpaPurge;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** One purge batch per transaction: short transactions that hold their row locks for milliseconds. */
@Stateless
public class PurgeBatches {

  @Inject JpaPurge purge;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int purgeBatch(JpaPurge.Rule rule, long cutoffMillis, int limit) {
    return purge.purgeBatch(rule, cutoffMillis, limit);
  }
}
