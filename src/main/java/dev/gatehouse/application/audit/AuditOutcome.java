package dev.gatehouse.application.audit;

import java.util.Locale;

/**
 * Whether what an audit event is about went through: a refusal, a denial, a lockout or a detected replay is a
 * failure, even though recording it worked.
 */
public enum AuditOutcome {
  SUCCESS,
  FAILURE;

  /** The name in the table and the log line: {@code success} or {@code failure}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
