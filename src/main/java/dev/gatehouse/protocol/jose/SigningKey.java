package dev.gatehouse.protocol.jose;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored signing key: its public JWK as JSON, its private JWK encrypted under the key-encryption key
 * ({@link PrivateKeyCipher}), and its life. A key is published from the moment it is stored, signs from
 * {@code activatesAt} until its successor activates ({@code retiredAt}), and stays published until
 * {@code publishedUntil}, when every token it signed has expired. {@code retiredAt} and {@code publishedUntil} are
 * null until a successor exists.
 */
public record SigningKey(
    String kid,
    JWSAlgorithm algorithm,
    String publicJwk,
    String encryptedPrivateJwk,
    Instant createdAt,
    Instant activatesAt,
    Instant retiredAt,
    Instant publishedUntil) {

  public SigningKey {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(activatesAt, "activatesAt");
  }

  /** A new key, not yet retired. */
  public static SigningKey created(String kid, JWSAlgorithm algorithm, String publicJwk, String encryptedPrivateJwk,
      Instant createdAt, Instant activatesAt) {
    return new SigningKey(kid, algorithm, publicJwk, encryptedPrivateJwk, createdAt, activatesAt, null, null);
  }

  /** This key, retired when its successor activates and published for {@code lifetime} after that. */
  public SigningKey retire(Instant successorActivates, Duration lifetime) {
    return new SigningKey(kid, algorithm, publicJwk, encryptedPrivateJwk, createdAt, activatesAt, successorActivates,
        successorActivates.plus(lifetime));
  }

  /** Whether it is still in the JWKS at {@code now}. */
  public boolean publishedAt(Instant now) {
    return publishedUntil == null || now.isBefore(publishedUntil);
  }

  /** Without the ciphertext: a key's description may be logged. */
  @Override
  public String toString() {
    return "SigningKey[" + kid + ", " + algorithm + ", activates " + activatesAt + ", retired " + retiredAt
        + ", published until " + publishedUntil + "]";
  }
}
