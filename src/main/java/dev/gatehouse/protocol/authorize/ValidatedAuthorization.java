package dev.gatehouse.protocol.authorize;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.oidc.IdTokenHints;
import dev.gatehouse.protocol.oidc.IdTokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fully validated authorization request, ready for login, consent and code issuance.
 *
 * @param redirectUri the effective redirect URI
 * @param redirectUriSent whether {@code redirect_uri} was sent (then it is bound to the code)
 * @param scopes the requested scopes, already within the client's registered scopes
 * @param codeChallenge the S256 challenge, if any
 * @param prompt the OpenID Connect {@code prompt} values
 * @param maxAge the longest time since the user's sign-in the client accepts ({@code max_age}), if it set one
 * @param loginHint the {@code login_hint}, to prefill the sign-in page
 * @param uiLocales the {@code ui_locales} language tags, in the client's order of preference
 * @param idTokenHint the verified {@code id_token_hint}: the user the client expects
 * @param resources the requested resource indicators (RFC 8707 §2.1), each registered for the client; empty when the
 *     request named none
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 §4.1.1</a>
 */
public record ValidatedAuthorization(
    Client client,
    String redirectUri,
    boolean redirectUriSent,
    Set<String> scopes,
    Optional<String> state,
    Optional<String> codeChallenge,
    Optional<String> nonce,
    Set<String> prompt,
    Optional<Duration> maxAge,
    Optional<String> loginHint,
    List<String> uiLocales,
    Optional<IdTokenHints.Hint> idTokenHint,
    Set<String> resources) {

  public ValidatedAuthorization {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(redirectUri, "redirectUri");
    scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(codeChallenge, "codeChallenge");
    Objects.requireNonNull(nonce, "nonce");
    prompt = Collections.unmodifiableSortedSet(new TreeSet<>(prompt));
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(loginHint, "loginHint");
    uiLocales = List.copyOf(uiLocales);
    Objects.requireNonNull(idTokenHint, "idTokenHint");
    resources = Collections.unmodifiableSortedSet(new TreeSet<>(resources));
  }

  /** A request that names no resource indicator. */
  public ValidatedAuthorization(Client client, String redirectUri, boolean redirectUriSent, Set<String> scopes,
      Optional<String> state, Optional<String> codeChallenge, Optional<String> nonce, Set<String> prompt,
      Optional<Duration> maxAge, Optional<String> loginHint, List<String> uiLocales,
      Optional<IdTokenHints.Hint> idTokenHint) {
    this(client, redirectUri, redirectUriSent, scopes, state, codeChallenge, nonce, prompt, maxAge, loginHint,
        uiLocales, idTokenHint, Set.of());
  }

  /** An OAuth 2.0 request without OpenID Connect parameters (kept for callers that make one by hand). */
  public ValidatedAuthorization(Client client, String redirectUri, boolean redirectUriSent, Set<String> scopes,
      Optional<String> state, Optional<String> codeChallenge, Optional<String> nonce, Set<String> prompt) {
    this(client, redirectUri, redirectUriSent, scopes, state, codeChallenge, nonce, prompt, Optional.empty(),
        Optional.empty(), List.of(), Optional.empty());
  }

  /** Whether this is an OpenID Connect request (Core §3.1.2.1: the scope contains {@code openid}). */
  public boolean isOpenId() {
    return scopes.contains(IdTokenIssuer.OPENID);
  }

  /**
   * Whether a user who signed in at {@code authTime} must sign in again before this request may proceed, at {@code
   * now}, having arrived at {@code arrived}. A sign-in after the request arrived always suffices. An older one does
   * not: when {@code prompt=login}; when {@code prompt=select_account} (Gatehouse's way to select an account is its
   * sign-in page, where the user may sign in as someone else); when it is older than {@code max_age} (Core
   * §3.1.2.1: "the OP MUST attempt to actively re-authenticate the End-User"); or when the {@code id_token_hint}
   * names another user, who must not be used silently. Only the hint's user counts, not its {@code sid}: Core
   * §3.1.2.1 makes it a hint "about the End-User's current or past authenticated session", so a hint from an ended
   * session of the signed-in user is that user's.
   */
  public boolean requiresSignIn(String subject, Instant authTime, Instant arrived, Instant now) {
    if (!authTime.isBefore(arrived)) {
      return false;
    }
    return prompt.contains(Prompt.LOGIN)
        || prompt.contains(Prompt.SELECT_ACCOUNT)
        || maxAge.isPresent() && authTime.plus(maxAge.get()).isBefore(now)
        || hintNamesAnotherUser(subject);
  }

  /** Whether an {@code id_token_hint} was sent and names a user other than {@code subject}. */
  public boolean hintNamesAnotherUser(String subject) {
    return idTokenHint.isPresent() && !idTokenHint.get().subject().equals(subject);
  }

  /**
   * Core §3.1.2.1, id_token_hint: "If the End-User identified by the ID Token is logged in or is logged in by the
   * request, then the Authorization Server returns a positive response; otherwise, it SHOULD return an error, such as
   * login_required."
   *
   * @throws OAuthException {@code login_required} when the signed-in user is not the one the hint names
   */
  public void requireHintedUser(String subject) {
    if (hintNamesAnotherUser(subject)) {
      throw new OAuthException(OAuthErrorCode.LOGIN_REQUIRED, "signed-in user differs from the id_token_hint");
    }
  }
}
