package dev.gatehouse.application.oauth;

import dev.gatehouse.protocol.authorize.AuthorizationCodeIssuer;
import dev.gatehouse.protocol.authorize.AuthorizationDecision;
import dev.gatehouse.protocol.authorize.AuthorizationRequestValidator;
import dev.gatehouse.protocol.authorize.AuthorizationResponse;
import dev.gatehouse.protocol.authorize.RedirectTarget;
import dev.gatehouse.protocol.authorize.ValidatedAuthorization;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.request.Parameters;
import dev.gatehouse.protocol.scope.Scopes;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.store.ConsentStore;
import dev.gatehouse.protocol.store.SsoSessionStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import dev.gatehouse.application.audit.AuditDetail;
import dev.gatehouse.application.audit.AuditEvent;
import dev.gatehouse.application.audit.AuditEventType;
import dev.gatehouse.application.audit.AuditTrail;
import dev.gatehouse.infrastructure.config.GatehouseConfig;

/**
 * The authorization endpoint's application service (RFC 6749 §4.1.1, §4.1.2): validates requests, decides what
 * happens next (sign-in, consent, code or error), records consent and issues codes in one transaction.
 */
@Stateless
public class AuthorizationService {

  @Inject AuthorizationRequestValidator validator;
  @Inject AuthorizationCodeIssuer codes;
  @Inject ConsentStore consents;
  @Inject GatehouseConfig config;
  @Inject SsoSessionStore sessions;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** Step one: the client and its redirect URI. Failures must be shown to the user, never redirected. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public RedirectTarget resolve(Parameters parameters) {
    return validator.resolveRedirect(parameters);
  }

  /** Step two: everything else; failures from here on go back to the client as error redirects. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ValidatedAuthorization validate(RedirectTarget target, Parameters parameters) {
    return validator.validate(target, parameters);
  }

  /**
   * Step three: what happens next for the browser's {@code session} ({@link AuthorizationDecision}), with its user's
   * earlier consent to this client looked up. {@code arrived} is when the request first came in.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public AuthorizationDecision.Outcome decide(ValidatedAuthorization request, Optional<SsoSession> session,
      Instant arrived) {
    Optional<Set<String>> consent = session.flatMap(s -> consents.consent(s.subject(), request.client().clientId()));
    return AuthorizationDecision.decide(request, session, consent, arrived, clock.instant());
  }

  /** Whether the user ever answered this client's consent page with Allow (and has not withdrawn it since). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean consentedBefore(String subject, Client client) {
    return consents.consent(subject, client.clientId()).isPresent();
  }

  /**
   * The user allowed the request (or had already consented): remember the consent and issue a code. Returns the
   * redirect URI carrying {@code code}, {@code state} and {@code iss} (RFC 9207).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public String approve(ValidatedAuthorization request, SsoSession session) {
    String subject = session.subject();
    consents.grant(subject, request.client().clientId(), request.scopes());
    sessions.addClient(session.sid(), request.client().clientId(), clock.instant());
    String code = codes.issue(request, subject, session.authTime(), request.scopes(), session.sid());
    return AuthorizationResponse.success(request.redirectUri(), code, request.state(), config.issuer());
  }

  /**
   * The user allowed the request on the consent page: {@link #approve}, and the consent is recorded in the audit
   * trail ({@link AuditEventType#CONSENT_GRANTED}) in the same transaction.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public String allow(ValidatedAuthorization request, SsoSession session) {
    audit.record(consent(AuditEventType.CONSENT_GRANTED, request, session));
    return approve(request, session);
  }

  /**
   * The user denied the request on the consent page (the caller answers {@code access_denied}, RFC 6749 §4.1.2.1):
   * recorded as {@link AuditEventType#CONSENT_DENIED}.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void deny(ValidatedAuthorization request, SsoSession session) {
    audit.record(consent(AuditEventType.CONSENT_DENIED, request, session));
  }

  private static AuditEvent consent(AuditEventType type, ValidatedAuthorization request, SsoSession session) {
    return AuditEvent.of(type).actor(session.subject()).subject(session.subject()).username(session.username())
        .clientId(request.client().clientId()).sessionId(session.sid())
        .detail(AuditDetail.SCOPE, Scopes.format(request.scopes())).build();
  }

  /** An error response (RFC 6749 §4.1.2.1) to the validated redirect URI. */
  public String errorRedirect(String redirectUri, Optional<String> state, OAuthErrorCode code, String description) {
    return AuthorizationResponse.error(redirectUri, code, description, state, config.issuer());
  }
}
