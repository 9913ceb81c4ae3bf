package dev.gatehouse.web.view;

import dev.gatehouse.application.oauth.AuthorizationService;
import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.authorize.AuthorizationDecision;
import dev.gatehouse.protocol.authorize.InvalidClientOrRedirectException;
import dev.gatehouse.protocol.authorize.RedirectTarget;
import dev.gatehouse.protocol.authorize.SealedRequests;
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

/**
 * The authorization endpoint's browser flow (RFC 6749 §4.1.1–§4.1.2), shared by the first request and its resumption
 * after sign-in: validate, then what {@link AuthorizationDecision} decides: sign-in page, consent page, straight back
 * to the client with a code, or an error.
 *
 * <p>Error responses go back to the client's redirect URI (RFC 6749 §4.1.2.1) without a page in between, except for a
 * client that registered itself (RFC 7591) and that the user has not been shown: RFC 9700 §4.11.2 warns that an
 * authorization server which redirects to any registered URI on error is an open redirector for whoever can register
 * one. For such a client the user gets a page that names the client and where it leads, and decides (the "inform the
 * user and rely on the user" of §4.11.2). A client the operator registered, or one this user consented to before, is
 * trusted; so is any client once the user has seen its consent page in this request.
 */
@ApplicationScoped
public class AuthorizationFlow {

  private static final SafeLog LOG = SafeLog.of(AuthorizationFlow.class);

  @Inject AuthorizationService authorizations;
  @Inject PendingAuthorizations pending;
  @Inject SsoCookies sso;
  @Inject Csrf csrf;
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
      LOG.info("authorization request refused without redirect: {}", e.getMessage());
      Pages.error(request, response, 400, e.code(), e.description());
      return;
    }
    try {
      ValidatedAuthorization valid = authorizations.validate(target, parameters);
      AuthorizationDecision.Outcome next = authorizations.decide(valid, sso.current(request), arrived);
      if (next instanceof AuthorizationDecision.Outcome.Refuse refused) {
        throw refused.toException();
      } else if (next instanceof AuthorizationDecision.Outcome.RefusedByPolicy refused) {
        throw refused.toException();
      } else if (next instanceof AuthorizationDecision.Outcome.ShowSignIn) {
        showSignIn(request, response, raw, arrived);
      } else if (next instanceof AuthorizationDecision.Outcome.ShowConsent consent) {
        showConsent(request, response, raw, arrived, valid, consent.session());
      } else {
        response.sendRedirect(authorizations.approve(valid, (AuthorizationDecision.Outcome.IssueCode) next));
      }
    } catch (OAuthException e) {
      LOG.info("authorization request for {} -> {}", target.client().clientId(), e.getMessage());
      sendError(request, response, target, e, false);
    }
  }

  private void showSignIn(HttpServletRequest request, HttpServletResponse response, Map<String, List<String>> raw,
      Instant arrived) throws IOException {
    String id = pending.park(raw, arrived);
    response.sendRedirect(request.getContextPath() + "/login?request=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
  }

  private void showConsent(HttpServletRequest request, HttpServletResponse response, Map<String, List<String>> raw,
      Instant arrived, ValidatedAuthorization valid, SsoSession login) throws ServletException, IOException {
    request.setAttribute("requestId", pending.park(raw, arrived));
    request.setAttribute("clientName", valid.client().clientName());
    request.setAttribute("clientId", valid.client().clientId());
    request.setAttribute("returnTo", FormTargets.origin(valid.redirectUri()));
    request.setAttribute("scopes", List.copyOf(valid.scopes()));
    request.setAttribute("username", login.username());
    csrf.offer(request, response);
    Pages.allowFormRedirectTo(response, valid.redirectUri());
    Pages.render(request, response, "consent");
  }

  /**
   * The form-action the sign-in page for this parked request needs: the sign-in's answer is a redirect chain that may
   * end at the client (approval, or an error), and browsers apply {@code form-action} to every redirect after a form
   * submission. Without the client's origin there, Chromium blocks the returning user at the sign-in page.
   */
  void allowSignInToReturn(HttpServletResponse response, SealedRequests.Pending parked) {
    try {
      Pages.allowFormRedirectTo(response, authorizations.resolve(Parameters.of(parked.parameters())).redirectUri());
    } catch (OAuthException unresolvable) {
      // The client or its redirect URI is gone: the resumed request gets the error page, on this origin.
    }
  }

  /** The user's answer on the consent page, for a parked request. */
  void decide(HttpServletRequest request, HttpServletResponse response, SealedRequests.Pending parked, boolean allow)
      throws ServletException, IOException {
    Parameters parameters = Parameters.of(parked.parameters());
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
      LOG.info("consent for {} -> {}", target.client().clientId(), e.getMessage());
      sendError(request, response, target, e, true);
    }
  }

  /**
   * The error response to the client (RFC 6749 §4.1.2.1), redirected at once unless the client is one the user has
   * no reason to trust yet (see the class comment): then a page says where the link leads.
   */
  private void sendError(HttpServletRequest request, HttpServletResponse response, RedirectTarget target,
      OAuthException e, boolean userSawTheClient) throws ServletException, IOException {
    String location = authorizations.errorRedirect(target.redirectUri(), target.state(), e.code(), e.description());
    boolean trusted = userSawTheClient || !target.client().dynamicallyRegistered()
        || sso.current(request).map(s -> authorizations.consentedBefore(s.subject(), target.client())).orElse(false);
    if (trusted) {
      response.sendRedirect(location);
      return;
    }
    request.setAttribute("clientName", target.client().clientName());
    request.setAttribute("clientId", target.client().clientId());
    request.setAttribute("returnTo", FormTargets.origin(target.redirectUri()));
    request.setAttribute("location", location);
    request.setAttribute("error", e.code().code());
    Pages.render(request, response, "return");
  }

  Instant now() {
    return clock.instant();
  }
}
