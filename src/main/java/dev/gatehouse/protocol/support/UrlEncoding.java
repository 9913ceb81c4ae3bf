package dev.gatehouse.protocol.support;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Strict {@code application/x-www-form-urlencoded} coding of single names or values (UTF-8, {@code '+'} is a space,
 * {@code %XX} is one byte).
 *
 * <p>Unlike {@link java.net.URLDecoder}, decoding refuses invalid UTF-8 instead of replacing it with U+FFFD, so two
 * different byte strings can never decode to the same identifier.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#appendix-B">RFC 6749 Appendix B</a>
 * @see <a href="https://url.spec.whatwg.org/#application/x-www-form-urlencoded">WHATWG URL, urlencoded parsing</a>
 */
public final class UrlEncoding {
  private UrlEncoding() {}

  /** Encodes {@code value} for a query string or form body (space becomes {@code '+'}). */
  public static String encode(String value) {
    return URLEncoder.encode(Objects.requireNonNull(value, "value"), StandardCharsets.UTF_8);
  }

  /**
   * Decodes {@code value}.
   *
   * @throws IllegalArgumentException on a malformed percent-escape or invalid UTF-8
   */
  public static String decode(String value) {
    byte[] bytes = Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8);
    return decode(bytes, 0, bytes.length);
  }

  /**
   * Decodes {@code bytes[from..to)}.
   *
   * @throws IllegalArgumentException on a malformed percent-escape or invalid UTF-8
   */
  public static String decode(byte[] bytes, int from, int to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    int i = from;
    while (i < to) {
      byte b = bytes[i];
      if (b == '+') {
        out.write(' ');
        i++;
      } else if (b == '%') {
        if (i + 2 >= to) {
          throw new IllegalArgumentException("truncated percent-escape");
        }
        out.write(hexValue(bytes[i + 1]) << 4 | hexValue(bytes[i + 2]));
        i += 3;
      } else {
        out.write(b);
        i++;
      }
    }
    return utf8(out.toByteArray());
  }

  private static int hexValue(byte b) {
    int value = Character.digit(b, 16);
    if (b < 0 || value < 0) {
      throw new IllegalArgumentException("malformed percent-escape");
    }
    return value;
  }

  /**
   * Decodes {@code bytes} as UTF-8, refusing malformed input instead of replacing it.
   *
   * @throws IllegalArgumentException on invalid UTF-8
   */
  public static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("invalid UTF-8");
    }
  }
}
