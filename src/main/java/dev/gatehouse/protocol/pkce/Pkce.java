package dev.gatehouse.protocol.pkce;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.support.ConstantTime;
import dev.gatehouse.protocol.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * PKCE checks at both endpoints: the challenge at {@code /authorize}, the verifier at {@code /token}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.1">RFC 7636 §4.1 (verifier)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.3">RFC 7636 §4.3 (challenge)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.6">RFC 7636 §4.6 (verification)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1">RFC 9700 §2.1.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.8.2">RFC 9700 §4.8.2 (PKCE downgrade)</a>
 */
public final class Pkce {
  /** The only transformation accepted. */
  public static final String S256 = "S256";

  /** Length of a base64url (unpadded) SHA-256 value. */
  private static final int CHALLENGE_LENGTH = 43;

  private static final int VERIFIER_MIN = 43;
  private static final int VERIFIER_MAX = 128;

  private Pkce() {}

  /**
   * Validates {@code code_challenge} and {@code code_challenge_method} at the authorization endpoint.
   *
   * @param required whether this client must use PKCE
   * @throws OAuthException {@code invalid_request} for a missing required challenge, a method other than S256, a
   *     method without challenge, or a challenge that is not a base64url SHA-256
   */
  public static void validateChallenge(Optional<String> challenge, Optional<String> method, boolean required) {
    if (challenge.isEmpty()) {
      if (method.isPresent()) {
        throw invalidRequest("code_challenge_method sent without code_challenge");
      }
      // RFC 7636 §4.4.1: "If the server requires Proof Key for Code Exchange (PKCE) by OAuth public clients and the
      // client does not send the "code_challenge" in the request, the authorization endpoint MUST return the
      // authorization error response with the "error" value set to "invalid_request"."
      if (required) {
        throw invalidRequest("code_challenge required for this client");
      }
      return;
    }
    // RFC 7636 §4.3: code_challenge_method "defaults to "plain" if not present in the request". RFC 9700 §2.1.1:
    // clients should use methods "that do not expose the PKCE verifier in the authorization request"; S256 is the
    // only such method, so plain (explicit or by default) is refused.
    if (!method.map(S256::equals).orElse(false)) {
      throw invalidRequest("code_challenge_method must be S256");
    }
    if (!isBase64UrlSha256(challenge.get())) {
      throw invalidRequest("code_challenge is not a base64url SHA-256 value");
    }
  }

  /**
   * Verifies {@code code_verifier} at the token endpoint against the challenge stored with the code.
   *
   * @param storedChallenge the S256 challenge stored with the code, or {@code null} when none was sent
   * @throws OAuthException {@code invalid_grant} on a missing verifier, a mismatch or a downgrade; {@code
   *     invalid_request} on a verifier that does not follow RFC 7636 §4.1
   */
  public static void verify(String storedChallenge, Optional<String> verifier) {
    if (storedChallenge == null) {
      // RFC 9700 §4.8.2: "authorization servers MUST ensure that if there was no code_challenge in the authorization
      // request, a request to the token endpoint containing a code_verifier is rejected."
      if (verifier.isPresent()) {
        throw new OAuthException(OAuthErrorCode.INVALID_GRANT, "code_verifier sent but no code_challenge was");
      }
      return;
    }
    // RFC 9700 §2.1.1: "If a client sends a valid PKCE code_challenge parameter in the authorization request, the
    // authorization server MUST enforce the correct usage of code_verifier at the token endpoint."
    String value =
        verifier.orElseThrow(() -> new OAuthException(OAuthErrorCode.INVALID_GRANT, "code_verifier missing"));
    if (!isVerifier(value)) {
      throw invalidRequest("code_verifier does not follow RFC 7636 §4.1");
    }
    // RFC 7636 §4.6: "If the values are not equal, an error response indicating "invalid_grant" as described in
    // Section 5.2 of [RFC6749] MUST be returned."
    if (!ConstantTime.equals(s256(value), storedChallenge)) {
      throw new OAuthException(OAuthErrorCode.INVALID_GRANT, "code_verifier does not match code_challenge");
    }
  }

  /** {@code BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))} (RFC 7636 §4.2). */
  public static String s256(String verifier) {
    Objects.requireNonNull(verifier, "verifier");
    byte[] digest = Sha256.digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  /**
   * RFC 7636 §4.1: "code-verifier = 43*128unreserved", with "unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"".
   */
  private static boolean isVerifier(String value) {
    if (value.length() < VERIFIER_MIN || value.length() > VERIFIER_MAX) {
      return false;
    }
    return value.chars().allMatch(c -> isAlphaNumeric(c) || c == '-' || c == '.' || c == '_' || c == '~');
  }

  private static boolean isBase64UrlSha256(String value) {
    return value.length() == CHALLENGE_LENGTH
        && value.chars().allMatch(c -> isAlphaNumeric(c) || c == '-' || c == '_');
  }

  private static boolean isAlphaNumeric(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static OAuthException invalidRequest(String detail) {
    return new OAuthException(OAuthErrorCode.INVALID_REQUEST, detail);
  }
}
