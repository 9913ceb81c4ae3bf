package dev.gatehouse.protocol.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256, the one digest of the protocol: token lookup keys, client secret hashes and PKCE S256.
 *
 * @see <a href="https://csrc.nist.gov/pubs/fips/180-4/upd1/final">FIPS 180-4</a>
 */
public final class Sha256 {
  private static final HexFormat HEX = HexFormat.of();

  private Sha256() {}

  /** Lowercase hex (64 characters) of SHA-256 over the UTF-8 bytes of {@code value}. */
  public static String hex(String value) {
    Objects.requireNonNull(value, "value");
    return HEX.formatHex(digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  /** SHA-256 of {@code bytes} (32 bytes). */
  public static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE platform is required to provide SHA-256 (MessageDigest Javadoc).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
