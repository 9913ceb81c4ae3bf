package dev.gatehouse.application.signin;

import dev.gatehouse.protocol.login.FailureCounter;
import dev.gatehouse.protocol.login.LoginThrottle;
import dev.gatehouse.protocol.login.ThrottleKey;
import dev.gatehouse.protocol.store.LoginFailureStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The transactions of {@link LoginThrottleService}: each call is one short transaction over the failure counters.
 * Rows are always locked in the same order (account, then address), so two failures never wait for each other in a
 * cycle; a rare conflict between two first failures of one key (both insert) is retried by the caller.
 */
@Stateless
public class LoginFailureCounters {

  /**
   * The counters of one failed attempt after it was counted, and whether each was locked before it (then the attempt
   * was refused without a password check, and the counter did not change).
   */
  public record Counted(FailureCounter account, FailureCounter address, boolean accountWasLocked,
      boolean addressWasLocked) {

    /** The attempt was refused because its account or address was locked. */
    public boolean refused() {
      return accountWasLocked || addressWasLocked;
    }
  }

  @Inject LoginFailureStore store;
  @Inject LoginThrottle throttle;
  @Inject Clock clock;

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public LoginThrottle.Verdict verdict(ThrottleKey account, ThrottleKey address) {
    return throttle.verdict(store.find(account), store.find(address));
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Counted failed(ThrottleKey account, ThrottleKey address) {
    Instant now = clock.instant();
    Optional<FailureCounter> accountBefore = store.findForUpdate(account);
    FailureCounter accountAfter = count(account, accountBefore);
    Optional<FailureCounter> addressBefore = store.findForUpdate(address);
    return new Counted(accountAfter, count(address, addressBefore), lockedAt(accountBefore, now),
        lockedAt(addressBefore, now));
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void succeeded(ThrottleKey account) {
    store.delete(account);
  }

  private FailureCounter count(ThrottleKey key, Optional<FailureCounter> before) {
    FailureCounter next = throttle.failed(key.kind(), before);
    store.save(key, next, throttle.staleAt(next));
    return next;
  }

  private static boolean lockedAt(Optional<FailureCounter> counter, Instant now) {
    return counter.map(c -> c.lockedAt(now)).orElse(false);
  }
}
