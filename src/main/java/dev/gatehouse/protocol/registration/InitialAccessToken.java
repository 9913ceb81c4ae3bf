package dev.gatehouse.protocol.registration;

import dev.gatehouse.protocol.support.ConstantTime;
import dev.gatehouse.protocol.support.Sha256;
import java.util.Optional;

/**
 * The initial access token of RFC 7591 §3 ("The client registration endpoint MAY be an OAuth 2.0 protected resource
 * and accept an initial access token in the form of an OAuth 2.0 access token to limit registration to only
 * previously authorized parties"). Gatehouse's is one operator-chosen secret; when it is configured, every
 * registration must present it as a bearer token, and when it is not, registration is open.
 *
 * <p>Both sides are hashed before the constant-time compare, so the compare sees two values of one fixed length and
 * says nothing about the length of the configured one.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3">RFC 7591 §3</a>
 */
public final class InitialAccessToken {

  /** The shortest configured token accepted: as strong as a client secret ({@code ClientSecrets.MIN_LENGTH}). */
  public static final int MIN_LENGTH = 32;

  private final Optional<String> hash;

  private InitialAccessToken(Optional<String> hash) {
    this.hash = hash;
  }

  /** No initial access token: anyone may register. */
  public static InitialAccessToken none() {
    return new InitialAccessToken(Optional.empty());
  }

  /**
   * Registration requires {@code token}.
   *
   * @throws IllegalArgumentException when it is shorter than {@value #MIN_LENGTH} characters or contains white space
   */
  public static InitialAccessToken of(String token) {
    if (token.length() < MIN_LENGTH || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("must be at least " + MIN_LENGTH
          + " visible ASCII characters without spaces, e.g. from `openssl rand -base64 32`");
    }
    return new InitialAccessToken(Optional.of(Sha256.hex(token)));
  }

  /** Whether registration needs a token at all. */
  public boolean required() {
    return hash.isPresent();
  }

  /** Whether a registration presenting {@code presented} (null when none) may go ahead. */
  public boolean permits(String presented) {
    return hash.isEmpty() || (presented != null && ConstantTime.equals(Sha256.hex(presented), hash.get()));
  }

  /** Never shows the token or its hash. */
  @Override
  public String toString() {
    return required() ? "InitialAccessToken[required]" : "InitialAccessToken[none]";
  }
}
