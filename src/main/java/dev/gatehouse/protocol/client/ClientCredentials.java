package dev.gatehouse.protocol.client;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.Parameters;
import dev.gatehouse.protocol.support.UrlEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The credentials a client presented at the token endpoint, and the method it used to present them.
 *
 * <p>{@code secret} is {@code null} for {@link TokenEndpointAuthMethod#NONE}; {@link #toString()} never shows it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7617#section-2">RFC 7617 §2 (Basic scheme)</a>
 */
public record ClientCredentials(String clientId, String secret, TokenEndpointAuthMethod method) {
  private static final String BASIC = "Basic";

  /**
   * The most characters of Basic credentials (the base64 after {@code "Basic "}) that are decoded: 4,096 characters
   * hold 3,072 bytes, a client_id of up to 128 characters and a secret of more than 2,000, even form-encoded. Longer
   * credentials get {@code invalid_client} before any decoding or lookup. The bound is Gatehouse's own because the
   * server's is not always lower: Payara refuses a request whose headers exceed 8 KiB in all before Gatehouse sees it,
   * but WildFly lets headers of up to 1 MiB through.
   */
  public static final int MAX_BASIC_CREDENTIALS = 4096;

  public ClientCredentials {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(method, "method");
  }

  /**
   * Extracts the credentials from the {@code Authorization} header and the form body.
   *
   * @return empty when the client presented no credentials at all
   * @throws OAuthException {@code invalid_client} for a malformed Basic header, {@code invalid_request} when two
   *     methods are mixed or parameters are repeated
   */
  public static Optional<ClientCredentials> extract(Optional<String> authorizationHeader, Parameters form) {
    Optional<ClientCredentials> basic = authorizationHeader.flatMap(ClientCredentials::fromBasicHeader);
    Optional<String> formId = form.single("client_id");
    Optional<String> formSecret = form.single("client_secret");
    if (basic.isPresent()) {
      // RFC 6749 §2.3: "The client MUST NOT use more than one authentication method in each request."
      if (formSecret.isPresent()) {
        throw new OAuthException(
            OAuthErrorCode.INVALID_REQUEST,
            "More than one client authentication method was used.",
            "Authorization: Basic and client_secret both present");
      }
      if (formId.isPresent() && !formId.get().equals(basic.get().clientId())) {
        throw new OAuthException(
            OAuthErrorCode.INVALID_REQUEST,
            "The client_id parameter does not match the authenticated client.",
            "form client_id differs from the Basic user name");
      }
      return basic;
    }
    if (formId.isEmpty()) {
      if (formSecret.isPresent()) {
        throw new OAuthException(OAuthErrorCode.INVALID_CLIENT, "client_secret sent without client_id");
      }
      return Optional.empty();
    }
    return Optional.of(
        formSecret
            .map(s -> new ClientCredentials(formId.get(), s, TokenEndpointAuthMethod.CLIENT_SECRET_POST))
            .orElseGet(() -> new ClientCredentials(formId.get(), null, TokenEndpointAuthMethod.NONE)));
  }

  /**
   * Parses an {@code Authorization} header; any scheme other than Basic (case-insensitive) is ignored.
   *
   * <p>RFC 6749 §2.3.1: "The client identifier is encoded using the "application/x-www-form-urlencoded" encoding
   * algorithm per Appendix B, and the encoded value is used as the username; the client password is encoded using the
   * same algorithm and used as the password."
   */
  private static Optional<ClientCredentials> fromBasicHeader(String header) {
    String trimmed = header.strip();
    int space = trimmed.indexOf(' ');
    String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
    if (!scheme.equalsIgnoreCase(BASIC)) {
      return Optional.empty();
    }
    String token = space < 0 ? "" : trimmed.substring(space + 1).strip();
    if (token.length() > MAX_BASIC_CREDENTIALS) {
      throw new OAuthException(OAuthErrorCode.INVALID_CLIENT, "The Basic credentials are too long.",
          "Basic credentials of " + token.length() + " characters, more than " + MAX_BASIC_CREDENTIALS);
    }
    String userPass = decodeBase64(token);
    int colon = userPass.indexOf(':');
    if (colon < 0) {
      throw invalidBasic("Basic credentials without a colon");
    }
    String clientId = formDecode(userPass.substring(0, colon));
    String secret = formDecode(userPass.substring(colon + 1));
    if (clientId.isEmpty()) {
      throw invalidBasic("Basic credentials with an empty client_id");
    }
    return Optional.of(new ClientCredentials(clientId, secret, TokenEndpointAuthMethod.CLIENT_SECRET_BASIC));
  }

  private static String decodeBase64(String token) {
    if (token.isEmpty()) {
      throw invalidBasic("Basic scheme without credentials");
    }
    try {
      return UrlEncoding.utf8(Base64.getDecoder().decode(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (IllegalArgumentException e) {
      throw invalidBasic("Basic credentials are not valid base64 of UTF-8");
    }
  }

  private static String formDecode(String encoded) {
    try {
      return UrlEncoding.decode(encoded);
    } catch (IllegalArgumentException e) {
      throw invalidBasic("Basic credentials are not form-urlencoded");
    }
  }

  private static OAuthException invalidBasic(String detail) {
    return new OAuthException(OAuthErrorCode.INVALID_CLIENT, detail);
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "ClientCredentials[clientId=" + clientId + ", method=" + method.value() + "]";
  }
}
