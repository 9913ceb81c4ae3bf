package dev.gatehouse.application.signin;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.login.FailureCounter;
import dev.gatehouse.protocol.login.LoginThrottle;
import dev.gatehouse.protocol.login.ThrottleKey;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import dev.gatehouse.application.audit.AuditDetail;
import dev.gatehouse.application.audit.AuditEvent;
import dev.gatehouse.application.audit.AuditEventType;
import dev.gatehouse.application.audit.AuditTrail;
import dev.gatehouse.infrastructure.config.GatehouseConfig;

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
  private static final SafeLog LOG = SafeLog.of(LoginThrottleService.class);
  private static final int ATTEMPTS = 3;

  @Inject LoginFailureCounters counters;
  @Inject GatehouseConfig config;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** Whether an attempt is refused outright, and how long to wait before answering it. Read-only. */
  public LoginThrottle.Verdict verdict(String typedUsername, String clientAddress) {
    return counters.verdict(ThrottleKey.account(typedUsername), ThrottleKey.address(clientAddress));
  }

  /**
   * Counts a failed attempt against its account and its address, logs the counters, and then, the counting
   * transaction having ended, records {@link AuditEventType#SIGN_IN_FAILED} and any lockout this failure caused
   * ({@link AuditEventType#ACCOUNT_LOCKED}, {@link AuditEventType#ADDRESS_LOCKED}) in the audit trail. The account
   * appears there only as its key's {@link ThrottleKey#logId()}, like in the log.
   */
  public void failed(String typedUsername, String clientAddress) {
    ThrottleKey account = ThrottleKey.account(typedUsername);
    ThrottleKey address = ThrottleKey.address(clientAddress);
    LoginFailureCounters.Counted counted = count(account, address, clientAddress);
    List<AuditEvent> events = new ArrayList<>(3);
    events.add(AuditEvent.of(AuditEventType.SIGN_IN_FAILED).detail(AuditDetail.ACCOUNT_KEY, account.logId())
        .detail(AuditDetail.REASON, counted == null ? null : counted.refused() ? "locked" : "invalid_credentials")
        .build());
    Instant now = clock.instant();
    if (counted != null && !counted.accountWasLocked() && counted.account().lockedAt(now)) {
      events.add(lockout(AuditEventType.ACCOUNT_LOCKED, counted.account())
          .detail(AuditDetail.ACCOUNT_KEY, account.logId()).build());
    }
    if (counted != null && !counted.addressWasLocked() && counted.address().lockedAt(now)) {
      events.add(lockout(AuditEventType.ADDRESS_LOCKED, counted.address()).build());
    }
    audit.record(events.toArray(AuditEvent[]::new));
  }

  /** The counters after this failure, or {@code null} when it could not be counted. */
  private LoginFailureCounters.Counted count(ThrottleKey account, ThrottleKey address, String clientAddress) {
    for (int attempt = 1; ; attempt++) {
      try {
        LoginFailureCounters.Counted counted = counters.failed(account, address);
        LOG.info("sign-in failed: account {} {}; address {} {}", account.logId(),
            describe(counted.account(), config.throttleSettings().accountMaxFailures()), clientAddress,
            describe(counted.address(), config.throttleSettings().addressMaxFailures()));
        return counted;
      } catch (RuntimeException e) {
        // Two first failures of one key both insert its row, or InnoDB's gap locks collide: count again.
        if (attempt == ATTEMPTS) {
          LOG.warning(e, "sign-in failed: account {}; the failure was not counted", account.logId());
          return null;
        }
      }
    }
  }

  private static AuditEvent.Builder lockout(AuditEventType type, FailureCounter counter) {
    return AuditEvent.of(type).detail(AuditDetail.LOCKED_UNTIL, counter.lockedUntil())
        .detail(AuditDetail.LOCKOUTS, counter.lockouts());
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
