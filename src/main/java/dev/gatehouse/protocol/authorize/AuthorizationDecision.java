package dev.gatehouse.protocol.authorize;

import dev.gatehouse.protocol.client.AccessPolicy;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.session.SsoSession;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The interaction decision of the authorization endpoint: for a validated request and what is known about the
 * browser's user, whether to issue the code, show the sign-in page, show the consent page, or answer with an error.
 *
 * <p>The rules, in the order {@link #decide} applies them:
 *
 * <ol>
 *   <li>The SSO session counts only if it satisfies the request ({@link ValidatedAuthorization#requiresSignIn}):
 *       {@code prompt=login} (Core §3.1.2.1: "The Authorization Server SHOULD prompt the End-User for
 *       reauthentication"), {@code prompt=select_account} (Gatehouse selects accounts on its sign-in page), {@code
 *       max_age} ("If the elapsed time is greater than this value, the OP MUST attempt to actively re-authenticate
 *       the End-User") and an {@code id_token_hint} for another user all want a sign-in after the request arrived.
 *   <li>Without such a session: the sign-in page, or for {@code prompt=none} {@code login_required}.
 *   <li>A session user other than the one the {@code id_token_hint} names (someone who has just signed in as
 *       another user) is {@code login_required}.
 *   <li>A user outside the client's access policy ({@link AccessPolicy}) is {@code access_denied}, with or without
 *       {@code prompt=none}: RFC 6749 §4.1.2.1, "The resource owner or authorization server denied the request."
 *   <li>Consent ({@link ConsentPolicy}): the consent page, or for {@code prompt=none} {@code consent_required}. A
 *       first-party client's code is issued without the page (unless {@code prompt=consent}), the consent granted
 *       implicitly.
 *   <li>Otherwise the code is issued.
 * </ol>
 *
 * <p>Core §3.1.2.1, {@code prompt=none}: "The Authorization Server MUST NOT display any authentication or consent user
 * interface pages. An error is returned if an End-User is not already authenticated or the Client does not have
 * pre-configured consent for the requested Claims or does not fulfill other conditions for processing the request."
 * Gatehouse's only interactions are the sign-in and the consent page, so the more specific codes of §3.1.2.6 always
 * apply and {@code interaction_required} ("the Authorization Server requires End-User interaction of some form to
 * proceed") is never needed.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OpenID Connect Core §3.1.2.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthError">OpenID Connect Core §3.1.2.6</a>
 */
public final class AuthorizationDecision {
  private AuthorizationDecision() {}

  /** What the endpoint does next. */
  public sealed interface Outcome {
    /**
     * Issue the code to the client for the user of {@code session}, remembering the consent; {@code implicitConsent}
     * when the consent page was skipped for a first-party client that the user had not consented to.
     */
    record IssueCode(SsoSession session, boolean implicitConsent) implements Outcome {
      public IssueCode(SsoSession session) {
        this(session, false);
      }
    }

    /** The user of {@code session} may not use the client ({@link AccessPolicy}): {@code access_denied}. */
    record RefusedByPolicy(SsoSession session) implements Outcome {
      /** The fixed {@code error_description}: it does not say which roles or groups would have been needed. */
      public static final String DESCRIPTION = "The request was denied.";

      /** The error the endpoint redirects to the client. */
      public OAuthException toException() {
        return new OAuthException(OAuthErrorCode.ACCESS_DENIED, DESCRIPTION,
            "the user is outside the client's access policy");
      }
    }

    /** Park the request and show the sign-in page. */
    record ShowSignIn() implements Outcome {}

    /** Park the request and ask the user of {@code session} for consent. */
    record ShowConsent(SsoSession session) implements Outcome {}

    /**
     * Answer the client with an error (RFC 6749 §4.1.2.1, Core §3.1.2.6).
     *
     * @param detail the private reason, for the log
     */
    record Refuse(OAuthErrorCode error, String detail) implements Outcome {
      public Refuse {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(detail, "detail");
      }

      /** The error as the exception the endpoint redirects to the client. */
      public OAuthException toException() {
        return new OAuthException(error, detail);
      }
    }
  }

  /**
   * Decides what happens to {@code request}.
   *
   * @param session the browser's SSO session, if it has one: its subject, its {@code sid} and its {@code auth_time}
   * @param consent the session user's earlier answer to this client (the scopes consented to), if any; ignored
   *     without a session
   * @param member the session user's roles and directory groups, for the client's access policy; ignored without a
   *     session
   * @param arrived when the request first came in: a sign-in after it satisfies {@code prompt=login} and the rest
   * @param now the current time, for {@code max_age}
   */
  public static Outcome decide(ValidatedAuthorization request, Optional<SsoSession> session,
      Optional<Set<String>> consent, AccessPolicy.Member member, Instant arrived, Instant now) {
    boolean none = request.prompt().contains(Prompt.NONE);
    Optional<SsoSession> login =
        session.filter(s -> !request.requiresSignIn(s.subject(), s.authTime(), arrived, now));
    if (login.isEmpty()) {
      // Core §3.1.2.6, login_required: "The Authorization Server requires End-User authentication. This error MAY
      // be returned when the prompt parameter value in the Authentication Request is none, but the Authentication
      // Request cannot be completed without displaying a user interface for End-User authentication."
      return none ? new Outcome.Refuse(OAuthErrorCode.LOGIN_REQUIRED, "prompt=none and no signed-in user")
          : new Outcome.ShowSignIn();
    }
    // Core §3.1.2.1, id_token_hint: "If the End-User identified by the ID Token is logged in or is logged in by the
    // request, then the Authorization Server returns a positive response; otherwise, it SHOULD return an error, such
    // as login_required."
    if (request.hintNamesAnotherUser(login.get().subject())) {
      return new Outcome.Refuse(OAuthErrorCode.LOGIN_REQUIRED, "signed-in user differs from the id_token_hint");
    }
    Client client = request.client();
    if (!client.accessPolicy().permits(member)) {
      return new Outcome.RefusedByPolicy(login.get());
    }
    if (ConsentPolicy.consentRequired(request.scopes(), consent, request.prompt(), client.dynamicallyRegistered(),
        client.firstParty())) {
      // Core §3.1.2.6, consent_required: "The Authorization Server requires End-User consent. This error MAY be
      // returned when the prompt parameter value in the Authentication Request is none, but the Authentication
      // Request cannot be completed without displaying a user interface for End-User consent."
      return none ? new Outcome.Refuse(OAuthErrorCode.CONSENT_REQUIRED, "prompt=none and consent is needed")
          : new Outcome.ShowConsent(login.get());
    }
    return new Outcome.IssueCode(login.get(),
        ConsentPolicy.implicitConsent(request.scopes(), consent, client.firstParty()));
  }
}
