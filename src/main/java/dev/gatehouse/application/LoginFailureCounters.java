package dev.gatehouse.application;

import dev.gatehouse.protocol.login.FailureCounter;
import dev.gatehouse.protocol.login.LoginThrottle;
import dev.gatehouse.protocol.login.ThrottleKey;
import dev.gatehouse.protocol.store.LoginFailureStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The transactions of {@link LoginThrottleService}: each call is one short transaction over the failure counters.
 * Rows are always locked in the same order (account, then address), so two failures never wait for each other in a
 * cycle; a rare conflict between two first failures of one key (both insert) is retried by the caller.
 */
@Stateless
public class LoginFailureCounters {

  /** The counters of one failed attempt after it was counted. */
  public record Counted(FailureCounter account, FailureCounter address) {}

  @Inject LoginFailureStore store;
  @Inject LoginThrottle throttle;

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public LoginThrottle.Verdict verdict(ThrottleKey account, ThrottleKey address) {
    return throttle.verdict(store.find(account), store.find(address));
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Counted failed(ThrottleKey account, ThrottleKey address) {
    return new Counted(count(account), count(address));
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void succeeded(ThrottleKey account) {
    store.delete(account);
  }

  private FailureCounter count(ThrottleKey key) {
    FailureCounter next = throttle.failed(key.kind(), store.findForUpdate(key));
    store.save(key, next, throttle.staleAt(next));
    return next;
  }
}
