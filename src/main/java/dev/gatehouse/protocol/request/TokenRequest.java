package dev.gatehouse.protocol.request;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A token endpoint request, parsed once from the form body.
 *
 * <p>{@code grant_type} is required. Of the other parameters, only the endpoint's own ({@code client_id} and {@code
 * client_secret}, which client authentication consumes) and those the grant declares ({@code
 * dev.gatehouse.protocol.grant.GrantHandler#parameters()}) are read, and each of them is checked for repetition; every
 * other parameter is dropped, repeated or not, and its field stays empty (RFC 6749 §3.2: "The authorization server
 * MUST ignore unrecognized request parameters."). {@link #toString()} never shows the code, verifier or refresh
 * token.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2">RFC 6749 §3.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 §4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2.2">RFC 8707 §2.2</a>
 */
public record TokenRequest(
    String grantType,
    Optional<String> code,
    Optional<String> redirectUri,
    Optional<String> codeVerifier,
    Optional<String> refreshToken,
    Optional<String> scope,
    List<String> resources) {

  /** RFC 6749 §4.1.3: the grant type, which decides which grant parameters are read. */
  public static final String GRANT_TYPE = "grant_type";
  /** RFC 6749 §4.1.3: the authorization code. */
  public static final String CODE = "code";
  /** RFC 6749 §4.1.3: the redirect URI of the authorization request. */
  public static final String REDIRECT_URI = "redirect_uri";
  /** RFC 7636 §4.5: the PKCE code verifier. */
  public static final String CODE_VERIFIER = "code_verifier";
  /** RFC 6749 §6: the refresh token. */
  public static final String REFRESH_TOKEN = "refresh_token";
  /** RFC 6749 §3.3: the requested scope. */
  public static final String SCOPE = "scope";
  /** RFC 8707 §2: a resource indicator; "Multiple resource parameters MAY be used". */
  public static final String RESOURCE = "resource";
  /** Every grant parameter this record carries; a grant declares some of them. */
  public static final Set<String> GRANT_PARAMETERS =
      Set.of(CODE, REDIRECT_URI, CODE_VERIFIER, REFRESH_TOKEN, SCOPE, RESOURCE);

  public TokenRequest {
    Objects.requireNonNull(grantType, "grantType");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(codeVerifier, "codeVerifier");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(scope, "scope");
    resources = List.copyOf(resources);
  }

  /** A request that names no resource indicator. */
  public TokenRequest(String grantType, Optional<String> code, Optional<String> redirectUri,
      Optional<String> codeVerifier, Optional<String> refreshToken, Optional<String> scope) {
    this(grantType, code, redirectUri, codeVerifier, refreshToken, scope, List.of());
  }

  /**
   * Builds the request from the form parameters, reading of the grant parameters only {@code grantParameters} (those
   * of the grant {@code grant_type} names; none for a grant type that is not enabled).
   *
   * @throws dev.gatehouse.protocol.error.OAuthException {@code invalid_request} when {@code grant_type} is missing or
   *     any read parameter is repeated
   * @throws IllegalArgumentException when {@code grantParameters} names a parameter this record does not carry
   */
  public static TokenRequest from(Parameters form, Set<String> grantParameters) {
    if (!GRANT_PARAMETERS.containsAll(grantParameters)) {
      throw new IllegalArgumentException("not a grant parameter of the token endpoint: " + grantParameters);
    }
    String grantType = form.required(GRANT_TYPE);
    form.single("client_id");
    form.single("client_secret");
    Parameters p = form.only(grantParameters);
    return new TokenRequest(
        grantType,
        p.single(CODE),
        p.single(REDIRECT_URI),
        p.single(CODE_VERIFIER),
        p.single(REFRESH_TOKEN),
        p.single(SCOPE),
        // RFC 8707 §2: "Multiple resource parameters MAY be used"; each grant checks them.
        p.all(RESOURCE));
  }


  /** Shows which parameters are present, never their secret values. */
  @Override
  public String toString() {
    return "TokenRequest[grantType="
        + grantType
        + ", code="
        + (code.isPresent() ? "present" : "absent")
        + ", redirectUri="
        + redirectUri.orElse("absent")
        + ", codeVerifier="
        + (codeVerifier.isPresent() ? "present" : "absent")
        + ", refreshToken="
        + (refreshToken.isPresent() ? "present" : "absent")
        + ", scope="
        + scope.orElse("absent")
        + ", resources="
        + resources.size()
        + "]";
  }
}
