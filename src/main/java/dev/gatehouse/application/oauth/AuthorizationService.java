package dev.gatehouse.application.oauth;

import dev.gatehouse.protocol.authorize.AuthorizationCodeIssuer;
import dev.gatehouse.protocol.authorize.AuthorizationDecision;
import dev.gatehouse.protocol.authorize.AuthorizationRequestValidator;
import dev.gatehouse.protocol.authorize.AuthorizationResponse;
import dev.gatehouse.protocol.authorize.RedirectTarget;
import dev.gatehouse.protocol.authorize.ValidatedAuthorization;
import dev.gatehouse.protocol.client.AccessPolicy;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.request.Parameters;
import dev.gatehouse.protocol.scope.Scopes;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.store.ConsentStore;
import dev.gatehouse.protocol.store.SsoSessionStore;
import dev.gatehouse.protocol.store.UserAccount;
import dev.gatehouse.protocol.store.UserStore;
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
 *
 * <p>The client's access policy ({@link AccessPolicy}) is applied to the signed-in user's roles and directory groups
 * as its row holds them (a directory user's are written at each sign-in and refresh): by {@link #decide}, before the
 * consent page, and again by {@link #approve} and {@link #allow} in the transaction that would issue the code, so a
 * user who lost the role while the consent page was open gets no code either. A refusal is {@code access_denied} to
 * the client's redirect URI and an {@link AuditEventType#ACCESS_DENIED_BY_POLICY} row.
 */
@Stateless
public class AuthorizationService {

  @Inject AuthorizationRequestValidator validator;
  @Inject AuthorizationCodeIssuer codes;
  @Inject ConsentStore consents;
  @Inject GatehouseConfig config;
  @Inject SsoSessionStore sessions;
  @Inject UserStore users;
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
   * earlier consent to this client, roles and groups looked up. {@code arrived} is when the request first came in. A
   * refusal by the access policy is recorded here.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public AuthorizationDecision.Outcome decide(ValidatedAuthorization request, Optional<SsoSession> session,
      Instant arrived) {
    Optional<Set<String>> consent = session.flatMap(s -> consents.consent(s.subject(), request.client().clientId()));
    AccessPolicy.Member member = session.map(s -> member(request.client(), s.subject()))
        .orElse(AccessPolicy.Member.NOBODY);
    AuthorizationDecision.Outcome outcome =
        AuthorizationDecision.decide(request, session, consent, member, arrived, clock.instant());
    if (outcome instanceof AuthorizationDecision.Outcome.RefusedByPolicy refused) {
      audit.record(refusal(request, refused.session()));
    }
    return outcome;
  }

  /** Whether the user ever answered this client's consent page with Allow (and has not withdrawn it since). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean consentedBefore(String subject, Client client) {
    return consents.consent(subject, client.clientId()).isPresent();
  }

  /**
   * The decision was to issue the code (the user had already consented, or the client is first-party): remember the
   * consent and issue a code, unless the access policy refuses the user now. A consent granted implicitly to a
   * first-party client is recorded as {@link AuditEventType#CONSENT_GRANTED_IMPLICITLY}. Returns the redirect URI
   * carrying {@code code}, {@code state} and {@code iss} (RFC 9207), or the {@code access_denied} one.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public String approve(ValidatedAuthorization request, AuthorizationDecision.Outcome.IssueCode decided) {
    SsoSession session = decided.session();
    Optional<String> refused = refusedByPolicy(request, session);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (decided.implicitConsent()) {
      audit.record(consent(AuditEventType.CONSENT_GRANTED_IMPLICITLY, request, session));
    }
    return issue(request, session);
  }

  /** Remembers the consent and issues the code: the redirect URI with {@code code}, {@code state} and {@code iss}. */
  private String issue(ValidatedAuthorization request, SsoSession session) {
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
    Optional<String> refused = refusedByPolicy(request, session);
    if (refused.isPresent()) {
      return refused.get();
    }
    audit.record(consent(AuditEventType.CONSENT_GRANTED, request, session));
    return issue(request, session);
  }

  /**
   * The access policy applied in the code's transaction: empty when the user may use the client; otherwise the
   * refusal is recorded (it commits, since nothing else is written) and the {@code access_denied} redirect returned.
   */
  private Optional<String> refusedByPolicy(ValidatedAuthorization request, SsoSession session) {
    if (request.client().accessPolicy().permits(member(request.client(), session.subject()))) {
      return Optional.empty();
    }
    audit.record(refusal(request, session));
    return Optional.of(errorRedirect(request.redirectUri(), request.state(), OAuthErrorCode.ACCESS_DENIED,
        AuthorizationDecision.Outcome.RefusedByPolicy.DESCRIPTION));
  }

  /** The user's roles and groups as its row holds them; not read for a client open to everyone. */
  private AccessPolicy.Member member(Client client, String subject) {
    if (!client.accessPolicy().restricted()) {
      return AccessPolicy.Member.NOBODY;
    }
    return users.findById(subject).map(UserAccount::member).orElse(AccessPolicy.Member.NOBODY);
  }

  private static AuditEvent refusal(ValidatedAuthorization request, SsoSession session) {
    return AuditEvent.of(AuditEventType.ACCESS_DENIED_BY_POLICY).actor(session.subject()).subject(session.subject())
        .username(session.username()).clientId(request.client().clientId()).sessionId(session.sid())
        .detail(AuditDetail.REASON, "access_policy").build();
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
