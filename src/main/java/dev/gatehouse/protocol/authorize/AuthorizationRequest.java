package dev.gatehouse.protocol.authorize;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.request.Parameters;
import dev.gatehouse.protocol.resource.ResourceIndicators;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw parameters of an authorization request, each read once.
 *
 * <p>A missing or repeated {@code client_id}, or a repeated {@code redirect_uri}, throws {@link
 * InvalidClientOrRedirectException} (there is no safe place to redirect to); any other repeated parameter throws
 * {@link dev.gatehouse.protocol.error.OAuthException} {@code invalid_request}. Meaning is checked by {@link
 * AuthorizationRequestValidator}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 §4.1.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.3">RFC 7636 §4.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2.1">RFC 8707 §2.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OpenID Connect Core §3.1.2.1</a>
 * @see <a href="https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#ResponseModes">OAuth 2.0 Multiple
 *     Response Type Encoding Practices §2.1 (response_mode)</a>
 */
public record AuthorizationRequest(
    String clientId,
    Optional<String> redirectUri,
    Optional<String> responseType,
    Optional<String> responseMode,
    Optional<String> scope,
    Optional<String> state,
    Optional<String> codeChallenge,
    Optional<String> codeChallengeMethod,
    Optional<String> nonce,
    Optional<String> prompt,
    Optional<String> maxAge,
    Optional<String> loginHint,
    Optional<String> uiLocales,
    Optional<String> idTokenHint,
    Optional<String> requestObject,
    Optional<String> requestUri,
    List<String> resources) {

  public AuthorizationRequest {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(responseType, "responseType");
    Objects.requireNonNull(responseMode, "responseMode");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(codeChallenge, "codeChallenge");
    Objects.requireNonNull(codeChallengeMethod, "codeChallengeMethod");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(loginHint, "loginHint");
    Objects.requireNonNull(uiLocales, "uiLocales");
    Objects.requireNonNull(idTokenHint, "idTokenHint");
    Objects.requireNonNull(requestObject, "requestObject");
    Objects.requireNonNull(requestUri, "requestUri");
    resources = List.copyOf(resources);
  }

  /**
   * Reads the request parameters.
   *
   * @throws InvalidClientOrRedirectException when {@code client_id} is missing or repeated, or {@code redirect_uri}
   *     is repeated
   * @throws dev.gatehouse.protocol.error.OAuthException {@code invalid_request} when another parameter is repeated
   */
  public static AuthorizationRequest from(Parameters p) {
    String clientId =
        unredirectable(p, "client_id")
            .orElseThrow(
                () -> new InvalidClientOrRedirectException(OAuthErrorCode.INVALID_REQUEST, "client_id missing"));
    return new AuthorizationRequest(
        clientId,
        unredirectable(p, "redirect_uri"),
        p.single("response_type"),
        p.single("response_mode"),
        p.single("scope"),
        p.single("state"),
        p.single("code_challenge"),
        p.single("code_challenge_method"),
        p.single("nonce"),
        p.single("prompt"),
        p.single("max_age"),
        p.single("login_hint"),
        p.single("ui_locales"),
        p.single("id_token_hint"),
        p.single("request"),
        p.single("request_uri"),
        // RFC 8707 §2: "Multiple resource parameters MAY be used", the one parameter that may repeat.
        p.all(ResourceIndicators.PARAMETER));
  }

  /**
   * Reads a parameter whose failure cannot be redirected. RFC 6749 §3.1: "Request and response parameters MUST NOT be
   * included more than once."
   */
  static Optional<String> unredirectable(Parameters p, String name) {
    List<String> values = p.all(name);
    if (values.size() > 1) {
      throw new InvalidClientOrRedirectException(OAuthErrorCode.INVALID_REQUEST, name + " repeated");
    }
    return values.stream().findFirst();
  }
}
