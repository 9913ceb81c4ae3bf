package dev.gatehouse.protocol.request;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A token endpoint request, parsed once from the form body.
 *
 * <p>{@code grant_type} is required; every parameter the token endpoint reads (including {@code client_id} and {@code
 * client_secret}, which client authentication consumes) is checked for repetition; unknown parameters are ignored (RFC
 * 6749 §3.2: "The authorization server MUST ignore unrecognized request parameters."). {@link #toString()} never shows
 * the code, verifier or refresh token.
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
   * Builds the request from the form parameters.
   *
   * @throws dev.gatehouse.protocol.error.OAuthException {@code invalid_request} when {@code grant_type} is missing or
   *     any read parameter is repeated
   */
  public static TokenRequest from(Parameters p) {
    String grantType = p.required("grant_type");
    p.single("client_id");
    p.single("client_secret");
    return new TokenRequest(
        grantType,
        p.single("code"),
        p.single("redirect_uri"),
        p.single("code_verifier"),
        p.single("refresh_token"),
        p.single("scope"),
        // RFC 8707 §2: "Multiple resource parameters MAY be used"; each grant checks them.
        p.all("resource"));
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
