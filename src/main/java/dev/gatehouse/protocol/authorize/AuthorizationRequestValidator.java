package dev.gatehouse.protocol.authorize;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.oidc.IdTokenHints;
import dev.gatehouse.protocol.oidc.IdTokenIssuer;
import dev.gatehouse.protocol.pkce.Pkce;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.Parameters;
import dev.gatehouse.protocol.resource.ResourceIndicators;
import dev.gatehouse.protocol.scope.Scopes;
import dev.gatehouse.protocol.store.ClientStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates an authorization request in two steps: {@link #resolveRedirect} (failures are never redirected), then
 * {@link #validate} (failures are redirected to the resolved URI).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 §4.1.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2.3">RFC 6749 §3.1.2.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-2.1">RFC 9700 §2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.4.1">RFC 7636 §4.4.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2.1">RFC 8707 §2.1</a>
 * @see <a href="https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#ResponseModes">OAuth 2.0 Multiple
 *     Response Type Encoding Practices §2.1</a>
 */
public final class AuthorizationRequestValidator {
  private static final String CODE = "code";
  /** The one response mode (Multiple Response Type Encoding Practices §2.1), as discovery advertises it. */
  public static final String QUERY = "query";

  private final ClientStore clients;
  private final IdTokenHints hints;

  /** A validator without OpenID Connect keys: an {@code id_token_hint} is then refused as invalid. */
  public AuthorizationRequestValidator(ClientStore clients) {
    this(clients, null);
  }

  public AuthorizationRequestValidator(ClientStore clients, IdTokenHints hints) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.hints = hints;
  }

  /**
   * Step one: the client and its redirect URI.
   *
   * @throws InvalidClientOrRedirectException when {@code client_id} is missing, repeated or unknown, or {@code
   *     redirect_uri} is repeated, unregistered, or omitted while the client has more than one registered URI
   */
  public RedirectTarget resolveRedirect(Parameters p) {
    String clientId =
        AuthorizationRequest.unredirectable(p, "client_id")
            .orElseThrow(
                () -> new InvalidClientOrRedirectException(OAuthErrorCode.INVALID_REQUEST, "client_id missing"));
    Client client =
        clients
            .find(clientId)
            .orElseThrow(
                () -> new InvalidClientOrRedirectException(OAuthErrorCode.INVALID_CLIENT, "unknown client_id"));
    Optional<String> sent = AuthorizationRequest.unredirectable(p, "redirect_uri");
    String redirectUri = sent.isPresent() ? registered(client, sent.get()) : soleRegistered(client);
    return new RedirectTarget(client, redirectUri, sent.isPresent(), lenientState(p));
  }

  /**
   * Step two: everything else; failures here may be redirected to {@code target}.
   *
   * @throws OAuthException {@code invalid_request}, {@code unsupported_response_type}, {@code unauthorized_client} or
   *     {@code invalid_scope}
   */
  public ValidatedAuthorization validate(RedirectTarget target, Parameters p) {
    AuthorizationRequest request = AuthorizationRequest.from(p);
    Client client = target.client();
    if (!request.clientId().equals(client.clientId())) {
      throw new IllegalArgumentException("the redirect target was resolved for another request");
    }
    // RFC 6749 §4.1.1: response_type "REQUIRED. Value MUST be set to "code"."
    String responseType =
        request
            .responseType()
            .orElseThrow(
                () ->
                    new OAuthException(
                        OAuthErrorCode.INVALID_REQUEST,
                        "The response_type parameter is missing.",
                        "response_type missing"));
    if (!CODE.equals(responseType)) {
      throw new OAuthException(OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE, "response_type is not code");
    }
    requireQueryResponseMode(request.responseMode());
    if (!client.allowsGrant(GrantType.AUTHORIZATION_CODE)) {
      throw new OAuthException(
          OAuthErrorCode.UNAUTHORIZED_CLIENT, "client " + client.clientId() + " lacks authorization_code");
    }
    // OpenID Connect Core §3.1.2.6 defines errors for request objects, which Gatehouse does not support.
    if (request.requestObject().isPresent()) {
      throw new OAuthException(OAuthErrorCode.REQUEST_NOT_SUPPORTED, "request parameter sent");
    }
    if (request.requestUri().isPresent()) {
      throw new OAuthException(OAuthErrorCode.REQUEST_URI_NOT_SUPPORTED, "request_uri parameter sent");
    }
    Set<String> scopes = requestedScopes(request.scope(), client);
    // RFC 8707 §2.1: the resources the grant is for; an unknown or unregistered one is invalid_target.
    Set<String> resources = ResourceIndicators.requested(request.resources(), client.allowedResources());
    Pkce.validateChallenge(request.codeChallenge(), request.codeChallengeMethod(), client.isPublic());
    Set<String> prompt = Prompt.parse(request.prompt());
    boolean openId = scopes.contains(IdTokenIssuer.OPENID);
    // Core §3.1.2.1: redirect_uri "REQUIRED" in an OpenID Connect request.
    if (openId && !target.redirectUriSent()) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "The redirect_uri parameter is required.",
          "OpenID Connect request without redirect_uri");
    }
    Optional<IdTokenHints.Hint> hint = request.idTokenHint().map(h -> hint(h, client));
    return new ValidatedAuthorization(
        client,
        target.redirectUri(),
        target.redirectUriSent(),
        scopes,
        request.state(),
        request.codeChallenge(),
        request.nonce(),
        prompt,
        maxAge(request.maxAge()),
        request.loginHint().filter(h -> !h.isBlank()),
        request.uiLocales().map(l -> List.of(l.trim().split(" +"))).orElse(List.of()),
        hint,
        resources);
  }

  /**
   * Multiple Response Type Encoding Practices §2.1: for {@code code} "the default Response Mode ... is the query
   * encoding", the only one Gatehouse implements. Another mode is refused rather than ignored (RFC 6749 §4.1.2.1
   * invalid_request: "includes an invalid parameter value"): a client asking for {@code fragment} or {@code form_post}
   * would wait for an answer that never arrives the way it expects. The refusal itself travels in the query, the one
   * mode there is. No {@code form_post}: its page would need a script, which the pages' content security policy forbids.
   */
  private static void requireQueryResponseMode(Optional<String> responseMode) {
    if (responseMode.isPresent() && !QUERY.equals(responseMode.get())) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "The response_mode is not supported; use query.",
          "response_mode is not query");
    }
  }

  private IdTokenHints.Hint hint(String value, Client client) {
    if (hints == null) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "id_token_hint without OpenID Connect keys");
    }
    return hints.verify(value, Optional.of(client.clientId()));
  }

  /** Core §3.1.2.1: max_age, "the allowable elapsed time in seconds": a non-negative integer. */
  private static Optional<Duration> maxAge(Optional<String> raw) {
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    if (!raw.get().matches("[0-9]{1,10}")) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "The max_age parameter must be a number of seconds.",
          "max_age not a non-negative integer");
    }
    return Optional.of(Duration.ofSeconds(Long.parseLong(raw.get())));
  }

  /**
   * RFC 6749 §3.1.2.3: "If the client registration included the full redirection URI, the authorization server MUST
   * compare the two URIs using simple string comparison as defined in [RFC3986] Section 6.2.1." RFC 9700 §2.1 requires
   * exact string matching; no normalisation of case, trailing slash, port or query is applied.
   */
  private static String registered(Client client, String sent) {
    if (!client.redirectUris().contains(sent)) {
      throw new InvalidClientOrRedirectException(
          OAuthErrorCode.INVALID_REQUEST, "redirect_uri not registered for client " + client.clientId());
    }
    return sent;
  }

  /** OAuth 2.1: redirect_uri is "OPTIONAL if only one redirect URI is registered for this client". */
  private static String soleRegistered(Client client) {
    List<String> uris = client.redirectUris();
    if (uris.size() != 1) {
      throw new InvalidClientOrRedirectException(
          OAuthErrorCode.INVALID_REQUEST,
          "redirect_uri omitted but client " + client.clientId() + " has " + uris.size() + " registered");
    }
    return uris.get(0);
  }

  /** {@code state} for error redirects: the value when sent exactly once, otherwise none. */
  private static Optional<String> lenientState(Parameters p) {
    List<String> values = p.all("state");
    return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
  }

  /**
   * RFC 6749 §3.3: "If the client omits the scope parameter when requesting authorization, the authorization server
   * MUST either process the request using a pre-defined default value or fail the request indicating an invalid
   * scope." The default here is the client's registered scope set without {@code openid}: a request that does not
   * ask for OpenID Connect is an OAuth 2.0 request (Core §3.1.2.1 makes the openid scope what marks one).
   */
  private static Set<String> requestedScopes(Optional<String> raw, Client client) {
    if (raw.isEmpty()) {
      Set<String> defaults = new TreeSet<>(client.scopes());
      defaults.remove(IdTokenIssuer.OPENID);
      return defaults;
    }
    return Scopes.requireSubset(Scopes.parse(raw.get()), client.scopes());
  }
}
