package dev.gatehouse.application;

import dev.gatehouse.protocol.login.FailureCounter;
import dev.gatehouse.protocol.login.LoginThrottle;
import dev.gatehouse.protocol.login.ThrottleKey;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sign-in protection over the database counters ({@link LoginThrottle} holds the policy and its trade-offs). The
 * counters live in the database, so every node of a cluster shares them and they survive restarts.
 *
 * <p>The log names an account by the first hex digits of its key's hash ({@link ThrottleKey#logId()}), never by the
 * username as typed, and never shows a password.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoginThrottleService {
  private static final Logger LOG = Logger.getLogger(LoginThrottleService.class.getName());
  private static final int ATTEMPTS = 3;

  @Inject LoginFailureCounters counters;
  @Inject GatehouseConfig config;
  @Inject Clock clock;

  /** Whether an attempt is refused outright, and how long to wait before answering it. Read-only. */
  public LoginThrottle.Verdict verdict(String typedUsername, String clientAddress) {
    return counters.verdict(ThrottleKey.account(typedUsername), ThrottleKey.address(clientAddress));
  }

  /** Counts a failed attempt against its account and its address, and logs the counters. */
  public void failed(String typedUsername, String clientAddress) {
    ThrottleKey account = ThrottleKey.account(typedUsername);
    ThrottleKey address = ThrottleKey.address(clientAddress);
    for (int attempt = 1; ; attempt++) {
      try {
        LoginFailureCounters.Counted counted = counters.failed(account, address);
        LOG.info(() -> "sign-in failed: account " + account.logId() + " "
            + describe(counted.account(), config.throttleSettings().accountMaxFailures()) + "; address "
            + clientAddress + " " + describe(counted.address(), config.throttleSettings().addressMaxFailures()));
        return;
      } catch (RuntimeException e) {
        // Two first failures of one key both insert its row, or InnoDB's gap locks collide: count again.
        if (attempt == ATTEMPTS) {
          LOG.log(Level.WARNING, "sign-in failed: account " + account.logId() + "; the failure was not counted", e);
          return;
        }
      }
    }
  }

  /** A successful sign-in forgets the account's failures (not the address's). */
  public void succeeded(String typedUsername) {
    counters.succeeded(ThrottleKey.account(typedUsername));
  }

  private String describe(FailureCounter counter, int limit) {
    return counter.lockedAt(clock.instant())
        ? "locked until " + counter.lockedUntil() + " (lockout " + counter.lockouts() + " in a row)"
        : counter.failures() + "/" + limit + " failures";
  }
}
