package dev.gatehouse.protocol.client;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a client authenticates at the token endpoint, by its registered {@code token_endpoint_auth_method} value.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 */
public enum TokenEndpointAuthMethod {
  /** HTTP Basic with the form-urlencoded client_id and secret (RFC 6749 §2.3.1). */
  CLIENT_SECRET_BASIC("client_secret_basic"),
  /** {@code client_id} and {@code client_secret} in the form body (RFC 6749 §2.3.1). */
  CLIENT_SECRET_POST("client_secret_post"),
  /** A public client: {@code client_id} only, no secret (RFC 6749 §2.1). */
  NONE("none");

  private final String value;

  TokenEndpointAuthMethod(String value) {
    this.value = value;
  }

  /** The registered wire value. */
  public String value() {
    return value;
  }

  /** The method whose wire value is exactly {@code value}; empty when none or null. */
  public static Optional<TokenEndpointAuthMethod> fromValue(String value) {
    return Arrays.stream(values()).filter(method -> method.value.equals(value)).findFirst();
  }
}
