package dev.gatehouse.application.audit;

/**
 * The only keys an audit event's details may have. A closed list, so that no caller can put a field into the
 * {@code details} column or the log line that nobody reviewed: there is no key for a token, code, secret, password or
 * hash of one, and a value is always the kind of thing its key names.
 */
public enum AuditDetail {
  /** The {@code grant_type} of a token request. */
  GRANT_TYPE("grant_type"),
  /** Granted or issued scopes, space-separated. */
  SCOPE("scope"),
  /** The kinds of token a response carried, space-separated: {@code access_token refresh_token id_token}. */
  ISSUED("issued"),
  /** What was revoked at the revocation endpoint: {@code access_token} or {@code refresh_token} (its grant). */
  TOKEN_TYPE("token_type"),
  /** How many token rows a revocation matched. */
  TOKENS_REVOKED("tokens_revoked"),
  /** Why: a fixed word chosen by the recorder ({@code invalid_credentials}, {@code locked}, {@code logout}, ...). */
  REASON("reason"),
  /**
   * The account a failed sign-in or a lockout counts against: the first 8 hex digits of the SHA-256 of {@code
   * account:} and the normalized username as typed ({@code ThrottleKey#logId}), never the typed text.
   */
  ACCOUNT_KEY("account_key"),
  /** When a lockout ends (ISO-8601, UTC). */
  LOCKED_UNTIL("locked_until"),
  /** Lockouts in a row, this one included. */
  LOCKOUTS("lockouts"),
  /** An administrative action, e.g. {@code client.update}. */
  ACTION("action"),
  /** What an administrative action changed: {@code client}, {@code user}, {@code session}, ... */
  TARGET_TYPE("target_type"),
  /** The id of what an administrative action changed. */
  TARGET_ID("target_id"),
  /** How many SSO sessions an administrative action ended. */
  SESSIONS_ENDED("sessions_ended"),
  /** The client through which an administrator acted, when a user's admin token made the change. */
  ACTOR_CLIENT("actor_client"),
  /** The names (never the values) of the fields an administrative action changed, space-separated. */
  FIELDS("fields");

  private final String wireName;

  AuditDetail(String wireName) {
    this.wireName = wireName;
  }

  /** The key in the details JSON. */
  public String wireName() {
    return wireName;
  }
}
