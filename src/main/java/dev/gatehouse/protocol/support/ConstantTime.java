package dev.gatehouse.protocol.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Compares secrets in time that does not depend on where the inputs first differ.
 *
 * <p>Callers compare fixed-length values (hashes, S256 challenges), so the length check inside {@link
 * MessageDigest#isEqual(byte[], byte[])} leaks nothing useful.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.6">RFC 7636 §4.6</a>
 */
public final class ConstantTime {
  private ConstantTime() {}

  /** True when both strings are non-null and have the same UTF-8 bytes; {@code null} never equals anything. */
  public static boolean equals(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
