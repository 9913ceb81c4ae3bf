package dev.gatehouse.application.signin;

import dev.gatehouse.infrastructure.config.SettingsReader;
import dev.gatehouse.infrastructure.config.SignInSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * User passwords: a slow, salted PBKDF2-HMAC-SHA512 hash from Jakarta Security. The iteration count
 * ({@code GATEHOUSE_PASSWORD_HASH_ITERATIONS}, default 210,000 as OWASP recommends for this algorithm) is stored in
 * each hash, so raising it later keeps old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHashing {

  @Inject Pbkdf2PasswordHash hash;

  /** {@link SignInSettings#PASSWORD_HASH_ITERATIONS}. */
  int iterations;

  @PostConstruct
  void init() {
    iterations = SettingsReader.microProfileConfig().integer(SignInSettings.PASSWORD_HASH_ITERATIONS);
    hash.initialize(Map.of(
        "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
        "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
        "Pbkdf2PasswordHash.SaltSizeBytes", "16",
        "Pbkdf2PasswordHash.KeySizeBytes", "32"));
  }

  public String hash(String password) {
    return hash.generate(password.toCharArray());
  }

  public boolean verify(String password, String storedHash) {
    return hash.verify(password.toCharArray(), storedHash);
  }
}
