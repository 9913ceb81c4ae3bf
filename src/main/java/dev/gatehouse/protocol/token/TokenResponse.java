package dev.gatehouse.protocol.token;

import java.util.Objects;
import java.util.Optional;

/**
 * A successful token endpoint response. The only place plaintext tokens exist after issuance; {@link #toString()}
 * never shows them.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 */
public record TokenResponse(
    String accessToken,
    String tokenType,
    long expiresIn,
    Optional<String> refreshToken,
    String scope,
    Optional<String> idToken) {

  /** The only token type issued (RFC 6750). */
  public static final String BEARER = "Bearer";

  public TokenResponse {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(tokenType, "tokenType");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(idToken, "idToken");
  }

  /** A response without an ID token (not an OpenID Connect request). */
  public TokenResponse(
      String accessToken, String tokenType, long expiresIn, Optional<String> refreshToken, String scope) {
    this(accessToken, tokenType, expiresIn, refreshToken, scope, Optional.empty());
  }

  /** Shows the shape of the response, never a token value. */
  @Override
  public String toString() {
    return "TokenResponse[redacted, tokenType="
        + tokenType
        + ", expiresIn="
        + expiresIn
        + ", refreshToken="
        + (refreshToken.isPresent() ? "present" : "absent")
        + ", scope="
        + scope
        + ", idToken="
        + (idToken.isPresent() ? "present" : "absent")
        + "]";
  }
}
