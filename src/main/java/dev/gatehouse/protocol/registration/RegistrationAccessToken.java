package dev.gatehouse.protocol.registration;

import dev.gatehouse.protocol.support.ConstantTime;
import dev.gatehouse.protocol.support.RandomTokens;
import dev.gatehouse.protocol.support.Sha256;

/**
 * The registration access token of RFC 7592 §3: a bearer token, issued with the registration, that lets the client
 * read, update and delete its own registration and nothing else. It is a 256-bit random value; the server keeps only
 * its SHA-256 (hex), the one it is compared with, in constant time.
 *
 * @param value the token, handed to the client once and never stored
 * @param hash lowercase hex SHA-256 of {@code value}, the stored form
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7592#section-3">RFC 7592 §3</a>
 */
public record RegistrationAccessToken(String value, String hash) {

  /** A fresh token. */
  public static RegistrationAccessToken issue() {
    String value = RandomTokens.generate();
    return new RegistrationAccessToken(value, Sha256.hex(value));
  }

  /**
   * Whether {@code presented} is the token whose hash is {@code storedHash}. A client registered by the operator has
   * no stored hash, so no token opens its registration; {@code null} never matches.
   */
  public static boolean matches(String presented, String storedHash) {
    return presented != null && storedHash != null && ConstantTime.equals(Sha256.hex(presented), storedHash);
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "RegistrationAccessToken[hash=" + hash.substring(0, 8) + "…]";
  }
}
