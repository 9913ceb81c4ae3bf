package dev.gatehouse.protocol.jose;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption key (KEK): 32 random bytes that encrypt the private signing keys at rest. It comes from
 * configuration, never from the WAR or the database. {@code source} says where it came from (the setting's name, or a
 * file), for error messages; {@link #toString()} never shows the key.
 */
public final class KeyEncryptionKey {

  /** 256 bits: the key of A256GCM. */
  public static final int BYTES = 32;

  private final byte[] key;
  private final String source;

  private KeyEncryptionKey(byte[] key, String source) {
    this.key = key;
    this.source = source;
  }

  /**
   * Parses the base64 or base64url encoding (padding optional, surrounding whitespace ignored) of exactly 32 bytes.
   *
   * @throws KeyEncryptionException naming {@code source} when the value is empty, not base64, or not 32 bytes long
   */
  public static KeyEncryptionKey parse(String encoded, String source) {
    Objects.requireNonNull(source, "source");
    String text = encoded == null ? "" : encoded.strip();
    if (text.isEmpty()) {
      throw new KeyEncryptionException(source + " is empty: it must hold the base64 encoding of " + BYTES
          + " random bytes (for example the output of: openssl rand -base64 32)");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/'));
    } catch (IllegalArgumentException e) {
      throw new KeyEncryptionException(source + " is not base64 or base64url: it must hold the base64 encoding of "
          + BYTES + " random bytes (for example the output of: openssl rand -base64 32)");
    }
    if (key.length != BYTES) {
      throw new KeyEncryptionException(source + " decodes to " + key.length + " bytes; it must be the base64 encoding"
          + " of exactly " + BYTES + " random bytes (for example the output of: openssl rand -base64 32)");
    }
    return new KeyEncryptionKey(key, source);
  }

  /** A new random key, base64url-encoded: what a generated key file holds. */
  public static String newEncoded(SecureRandom random) {
    byte[] key = new byte[BYTES];
    random.nextBytes(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  /** Where the key came from: a setting's name, or a file. */
  public String source() {
    return source;
  }

  byte[] bytes() {
    return key.clone();
  }

  /**
   * A key of its own for {@code purpose}, derived from this one (HKDF-Expand of RFC 5869 §2.3 with HMAC-SHA256, one
   * block, the key-encryption key as the pseudorandom key and {@code "gatehouse " + purpose} as the info): every
   * node that shares the key-encryption key derives the same key, and no purpose's key tells anything about another's
   * or about the key-encryption key.
   */
  public byte[] derive(String purpose) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      hmac.update(("gatehouse " + purpose).getBytes(StandardCharsets.UTF_8));
      hmac.update((byte) 1);
      return hmac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "KeyEncryptionKey[from " + source + "]";
  }
}
