package dev.gatehouse.web.view;

import dev.gatehouse.application.AuthorizationService;
import dev.gatehouse.protocol.authorize.InvalidClientOrRedirectException;
import dev.gatehouse.protocol.authorize.RedirectTarget;
import dev.gatehouse.protocol.authorize.ValidatedAuthorization;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.Parameters;
import dev.gatehouse.protocol.session.SsoSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The authorization endpoint's browser flow (RFC 6749 §4.1.1–§4.1.2), shared by the first request and its resumption
 * after sign-in: validate, then sign-in page, consent page, or straight back to the client with a code.
 */
@ApplicationScoped
public class AuthorizationFlow {

  private static final Logger LOG = Logger.getLogger(AuthorizationFlow.class.getName());

  @Inject AuthorizationService authorizations;
  @Inject SsoCookies sso;
  @Inject Clock clock;

  /**
   * Continues the request. {@code arrived} is when the request first came in: {@code prompt=login} is satisfied by a
   * sign-in after that moment.
   */
  void proceed(HttpServletRequest request, HttpServletResponse response, Map<String, List<String>> raw,
      Instant arrived) throws ServletException, IOException {
    Parameters parameters;
    RedirectTarget target;
    try {
      parameters = Parameters.of(raw);
      target = authorizations.resolve(parameters);
    } catch (InvalidClientOrRedirectException e) {
      LOG.info(() -> "authorization request refused without redirect: " + e.getMessage());
      Pages.error(request, response, 400, e.code(), e.description());
      return;
    }
    try {
      ValidatedAuthorization valid = authorizations.validate(target, parameters);
      Instant now = clock.instant();
      Optional<SsoSession> login = sso.current(request)
          .filter(s -> !valid.requiresSignIn(s.subject(), s.authTime(), arrived, now));
      login.ifPresent(s -> valid.requireHintedUser(s.subject()));
      if (login.isEmpty()) {
        requireLogin(request, response, raw, arrived, valid);
      } else if (authorizations.consentRequired(valid, login.get().subject())) {
        requireConsent(request, response, raw, arrived, valid);
      } else {
        response.sendRedirect(authorizations.approve(valid, login.get()));
      }
    } catch (OAuthException e) {
      LOG.info(() -> "authorization request for " + target.client().clientId() + " -> " + e.getMessage());
      response.sendRedirect(
          authorizations.errorRedirect(target.redirectUri(), target.state(), e.code(), e.description()));
    }
  }

  private void requireLogin(HttpServletRequest request, HttpServletResponse response, Map<String, List<String>> raw,
      Instant arrived, ValidatedAuthorization valid) throws IOException {
    if (valid.prompt().contains("none")) {
      throw new OAuthException(OAuthErrorCode.LOGIN_REQUIRED, "prompt=none and no signed-in user");
    }
    String id = PendingAuthorizations.park(request, raw, arrived);
    response.sendRedirect(request.getContextPath() + "/login?request=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
  }

  private void requireConsent(HttpServletRequest request, HttpServletResponse response, Map<String, List<String>> raw,
      Instant arrived, ValidatedAuthorization valid) throws ServletException, IOException {
    if (valid.prompt().contains("none")) {
      throw new OAuthException(OAuthErrorCode.CONSENT_REQUIRED, "prompt=none and consent is needed");
    }
    String id = PendingAuthorizations.park(request, raw, arrived);
    request.setAttribute("requestId", id);
    request.setAttribute("clientName", valid.client().clientName());
    request.setAttribute("clientId", valid.client().clientId());
    request.setAttribute("scopes", List.copyOf(valid.scopes()));
    request.setAttribute("username", sso.current(request).map(SsoSession::username).orElse(""));
    request.setAttribute("csrf", Csrf.token(request));
    Pages.allowFormRedirectTo(response, valid.redirectUri());
    Pages.render(request, response, "consent");
  }

  /** The user's answer on the consent page, for a parked request. */
  void decide(HttpServletRequest request, HttpServletResponse response, PendingAuthorizations.Pending pending,
      boolean allow) throws ServletException, IOException {
    Parameters parameters = Parameters.of(pending.parameters());
    RedirectTarget target;
    try {
      target = authorizations.resolve(parameters);
    } catch (InvalidClientOrRedirectException e) {
      Pages.error(request, response, 400, e.code(), e.description());
      return;
    }
    try {
      ValidatedAuthorization valid = authorizations.validate(target, parameters);
      SsoSession login = sso.current(request).orElseThrow(
          () -> new OAuthException(OAuthErrorCode.ACCESS_DENIED, "consent posted without a signed-in user"));
      if (!allow) {
        authorizations.deny(valid, login);
        throw new OAuthException(OAuthErrorCode.ACCESS_DENIED, "The user denied the request", "user denied consent");
      }
      response.sendRedirect(authorizations.allow(valid, login));
    } catch (OAuthException e) {
      LOG.info(() -> "consent for " + target.client().clientId() + " -> " + e.getMessage());
      response.sendRedirect(
          authorizations.errorRedirect(target.redirectUri(), target.state(), e.code(), e.description()));
    }
  }

  Instant now() {
    return clock.instant();
  }
}
