package dev.gatehouse.application.audit;

/**
 * The security events of the audit trail ({@link AuditTrail}), each recorded at one place in the code, and the
 * outcome each has unless its recorder says otherwise.
 */
public enum AuditEventType {
  /** A user signed in (an SSO session started or continued). Recorded by {@code SessionService#signIn}. */
  SIGN_IN_SUCCEEDED(AuditOutcome.SUCCESS),
  /** A sign-in was refused: wrong credentials, or a locked account or address. {@code LoginThrottleService}. */
  SIGN_IN_FAILED(AuditOutcome.FAILURE),
  /** Failed sign-ins locked an account (the username as typed, by its key). {@code LoginThrottleService}. */
  ACCOUNT_LOCKED(AuditOutcome.FAILURE),
  /** Failed sign-ins locked a client address. {@code LoginThrottleService}. */
  ADDRESS_LOCKED(AuditOutcome.FAILURE),
  /** The user allowed a client's request on the consent page. {@code AuthorizationService#allow}. */
  CONSENT_GRANTED(AuditOutcome.SUCCESS),
  /** The user denied a client's request on the consent page. {@code AuthorizationService#deny}. */
  CONSENT_DENIED(AuditOutcome.FAILURE),
  /**
   * A first-party client was given the user's consent without the consent page, as if allowed. {@code
   * AuthorizationService#approve}.
   */
  CONSENT_GRANTED_IMPLICITLY(AuditOutcome.SUCCESS),
  /**
   * The client's access policy refused the user: at the authorization endpoint ({@code AuthorizationService}), or at
   * the token endpoint for a code or a refresh ({@code GrantRevocationService}).
   */
  ACCESS_DENIED_BY_POLICY(AuditOutcome.FAILURE),
  /** The token endpoint issued tokens for a code or client credentials. {@code TokenService}. */
  TOKEN_ISSUED(AuditOutcome.SUCCESS),
  /** The token endpoint issued tokens for a refresh token. {@code TokenService}. */
  TOKEN_REFRESHED(AuditOutcome.SUCCESS),
  /**
   * Tokens were revoked: at the revocation endpoint ({@code RevocationService}), when a session ended ({@code
   * SessionService}), or by grant, user or client ({@code GrantRevocationService}).
   */
  TOKEN_REVOKED(AuditOutcome.SUCCESS),
  /** A used authorization code was presented again; its grant was revoked. {@code GrantRevocationService}. */
  CODE_REPLAY_DETECTED(AuditOutcome.FAILURE),
  /** A rotated refresh token was reused after the grace window; its grant was revoked. Same place. */
  REFRESH_REPLAY_DETECTED(AuditOutcome.FAILURE),
  /** An SSO session ended: logout, another user's sign-in in the same browser, or the administration. */
  SESSION_ENDED(AuditOutcome.SUCCESS),
  /** An administrator changed a client, user, session, consent or tokens ({@link AuditEvent#adminChange}). */
  ADMIN_CHANGE(AuditOutcome.SUCCESS);

  private final AuditOutcome defaultOutcome;

  AuditEventType(AuditOutcome defaultOutcome) {
    this.defaultOutcome = defaultOutcome;
  }

  /** The outcome of this event unless its recorder says otherwise. */
  public AuditOutcome defaultOutcome() {
    return defaultOutcome;
  }
}
