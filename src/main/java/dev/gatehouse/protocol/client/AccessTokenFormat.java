package dev.gatehouse.protocol.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The form of the access tokens issued to a client. Opaque is the default: a random value that only introspection can
 * read, revoked the moment it is revoked. {@code jwt} is RFC 9068: a signed JWT that resource servers verify offline
 * through the JWKS, at the price that a revocation reaches them only through introspection or expiry.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068">RFC 9068</a>
 */
public enum AccessTokenFormat {
  OPAQUE("opaque"),
  JWT("jwt");

  private final String value;

  AccessTokenFormat(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static Optional<AccessTokenFormat> fromValue(String value) {
    return Arrays.stream(values()).filter(f -> f.value.equals(value.toLowerCase(Locale.ROOT))).findFirst();
  }
}
