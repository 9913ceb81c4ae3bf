package dev.gatehouse.protocol.client;

import dev.gatehouse.protocol.support.ConstantTime;
import dev.gatehouse.protocol.support.RandomTokens;
import dev.gatehouse.protocol.support.Sha256;
import java.util.Objects;

/**
 * Client secret generation, hashing and verification. The stored form is {@code "sha256:" + hex(SHA-256(secret))}.
 *
 * <p>Why a fast hash is enough: client secrets are never passwords chosen by people. They are either generated here
 * ({@link #generate()}, 256 random bits) or chosen by an operator with at least {@value #MIN_LENGTH} characters, which
 * {@link #hash(String)} enforces. Brute-forcing the preimage of such a secret from its SHA-256 is infeasible, so a slow
 * password hash (bcrypt, PBKDF2, Argon2) would add no protection; it would only cap client authentication at a few
 * dozen requests per second per core and turn the token endpoint into a denial-of-service target.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.10">RFC 6749 §10.10</a>
 */
public final class ClientSecrets {
  /** The shortest secret {@link #hash(String)} accepts. */
  public static final int MIN_LENGTH = 32;

  private static final String PREFIX = "sha256:";

  private ClientSecrets() {}

  /**
   * The stored form of {@code secret}.
   *
   * @throws IllegalArgumentException when the secret is shorter than {@value #MIN_LENGTH} characters
   */
  public static String hash(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length() < MIN_LENGTH) {
      throw new IllegalArgumentException("client secrets must have at least " + MIN_LENGTH + " characters");
    }
    return digest(secret);
  }

  /** True when {@code secret} hashes to {@code storedHash}; compared in constant time, null never matches. */
  public static boolean matches(String secret, String storedHash) {
    if (secret == null || storedHash == null) {
      return false;
    }
    return ConstantTime.equals(digest(secret), storedHash);
  }

  /** A fresh 256-bit random secret (43 base64url characters). */
  public static String generate() {
    return RandomTokens.generate();
  }

  private static String digest(String secret) {
    return PREFIX + Sha256.hex(secret);
  }
}
