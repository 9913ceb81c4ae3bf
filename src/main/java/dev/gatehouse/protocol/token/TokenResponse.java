package dev.gatehouse.protocol.token;

import java.util.Objects;
import java.util.Optional;

/**
 * A successful token endpoint response. The only place plaintext tokens exist after issuance; {@link #toString()}
 * never shows them.
 *
 * <p>It also says what the tokens were issued from, {@code grantId} and {@code subject}, which are never sent to the
 * client ({@code TokenResponseJson} writes the RFC 6749 §5.1 members only): the application layer records them in
 * the audit trail in the issuing transaction, without reading the rows back.
 *
 * @param grantId the grant the tokens belong to
 * @param subject the resource owner, or {@code null} for a client acting on its own behalf
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 */
public record TokenResponse(
    String accessToken,
    String tokenType,
    long expiresIn,
    Optional<String> refreshToken,
    String scope,
    Optional<String> idToken,
    String grantId,
    String subject) {

  /** The only token type issued (RFC 6750). */
  public static final String BEARER = "Bearer";

  public TokenResponse {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(tokenType, "tokenType");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(idToken, "idToken");
    Objects.requireNonNull(grantId, "grantId");
  }

  /** A response without an ID token (not an OpenID Connect request). */
  public TokenResponse(String accessToken, String tokenType, long expiresIn, Optional<String> refreshToken,
      String scope, String grantId, String subject) {
    this(accessToken, tokenType, expiresIn, refreshToken, scope, Optional.empty(), grantId, subject);
  }

  /** The same response with an ID token added. */
  public TokenResponse withIdToken(String value) {
    return new TokenResponse(accessToken, tokenType, expiresIn, refreshToken, scope, Optional.of(value), grantId,
        subject);
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
        + ", grantId="
        + grantId
        + "]";
  }
}
