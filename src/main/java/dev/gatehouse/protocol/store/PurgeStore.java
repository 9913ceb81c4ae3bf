package dev.gatehouse.protocol.store;

/**
 * Deletes rows that have outlived their retention, one small batch at a time; the caller gives each batch its own
 * short transaction and retries the rare lock conflict.
 */
public interface PurgeStore {

  /** What can be purged. Every table with rows that end has a rule here. */
  enum Rule {
    /** Authorization codes past their expiry (consumed or not). */
    EXPIRED_CODES,
    /** Access tokens expired or revoked (a revocation sets the expiry to its own time). */
    ENDED_ACCESS_TOKENS,
    /** Refresh tokens expired or revoked. */
    ENDED_REFRESH_TOKENS,
    /** Grants expired or revoked. */
    ENDED_GRANTS,
    /** SSO sessions ended (logout sets the expiry too) or expired, with the clients they signed in to. */
    ENDED_SESSIONS,
    /** Back-channel logout notifications once delivered, or given up on. */
    FINISHED_LOGOUT_DELIVERIES,
    /** Failed sign-in counters whose window is over and whose lockout has ended. */
    STALE_LOGIN_FAILURES,
    /** Audit rows older than the audit retention (the caller's cutoff says so). */
    OLD_AUDIT_EVENTS
  }

  /** Deletes up to {@code limit} rows whose {@code rule} time is before {@code cutoffMillis}; returns how many. */
  int purgeBatch(Rule rule, long cutoffMillis, int limit);
}
