package dev.gatehouse.protocol.request;

import java.util.Arrays;
import java.util.Optional;

/**
 * The grant types this server knows, by their {@code grant_type} wire value. Which of them are enabled is decided in
 * one place only: {@code dev.gatehouse.protocol.grant.GrantHandlers}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 §4.1.3 (authorization_code)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6 (refresh_token)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2">RFC 6749 §4.4.2 (client_credentials)</a>
 */
public enum GrantType {
  AUTHORIZATION_CODE("authorization_code"),
  REFRESH_TOKEN("refresh_token"),
  CLIENT_CREDENTIALS("client_credentials");

  private final String value;

  GrantType(String value) {
    this.value = value;
  }

  /** The {@code grant_type} wire value. */
  public String value() {
    return value;
  }

  /** The grant type whose wire value is exactly {@code value} (case-sensitive); empty when none or null. */
  public static Optional<GrantType> fromValue(String value) {
    return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
  }
}
