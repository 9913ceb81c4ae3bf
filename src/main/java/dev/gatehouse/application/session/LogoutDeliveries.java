package dev.gatehouse.application.session;

import dev.gatehouse.protocol.store.LogoutDeliveryStore;
import dev.gatehouse.protocol.store.LogoutDeliveryStore.LogoutDelivery;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox's short transactions, one per step, for {@link BackchannelLogout}: no transaction is open while a
 * notification is on the wire.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LogoutDeliveries {

  @Inject LogoutDeliveryStore store;

  public List<LogoutDelivery> due(Instant now, int limit, Set<String> skippedClients) {
    return store.due(now, limit, skippedClients);
  }

  public boolean claim(String id, Instant now, Instant leaseUntil) {
    return store.claim(id, now, leaseUntil);
  }

  public void delivered(String id, int attempts, Instant now) {
    store.delivered(id, attempts, now);
  }

  public void failed(String id, int attempts, Optional<Instant> nextAttempt, String error, Instant now) {
    store.failed(id, attempts, nextAttempt, error, now);
  }
}
