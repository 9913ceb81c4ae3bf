package dev.gatehouse.protocol.request;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.support.UrlEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict decoder of {@code application/x-www-form-urlencoded} bodies and query strings.
 *
 * <p>UTF-8 only, {@code '+'} is a space and {@code %XX} one byte; empty segments ({@code a=1&&b=2}) are skipped and a
 * segment without {@code '='} is a name with an empty value. An oversize body, a malformed escape, invalid UTF-8 or
 * more than {@value #MAX_PARAMETERS} parameters give {@code invalid_request} and nothing else.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#appendix-B">RFC 6749 Appendix B</a>
 * @see <a href="https://url.spec.whatwg.org/#urlencoded-parsing">WHATWG URL, application/x-www-form-urlencoded parsing</a>
 */
public final class FormBody {
  /** The most parameters one request may carry. */
  public static final int MAX_PARAMETERS = 100;

  private FormBody() {}

  /**
   * Decodes {@code body}.
   *
   * @throws OAuthException {@code invalid_request} when the body is larger than {@code maxBytes} or malformed
   */
  public static Parameters parse(byte[] body, int maxBytes) {
    if (body == null || body.length == 0) {
      return Parameters.empty();
    }
    if (body.length > maxBytes) {
      throw invalid("body of " + body.length + " bytes exceeds the limit of " + maxBytes);
    }
    Map<String, List<String>> raw = new LinkedHashMap<>();
    int count = 0;
    int start = 0;
    while (start <= body.length) {
      int end = indexOf(body, (byte) '&', start, body.length);
      if (end > start) {
        if (++count > MAX_PARAMETERS) {
          throw invalid("more than " + MAX_PARAMETERS + " parameters");
        }
        addPair(body, start, end, raw);
      }
      start = end + 1;
    }
    return Parameters.of(raw);
  }

  /** Decodes an encoded query string or body held as text (for example a raw query string); null gives empty. */
  public static Parameters parse(String encoded, int maxBytes) {
    return encoded == null ? Parameters.empty() : parse(encoded.getBytes(StandardCharsets.UTF_8), maxBytes);
  }

  /**
   * Reads at most {@code maxBytes + 1} bytes from {@code in} and decodes them, so an oversize body is refused without
   * being buffered whole.
   *
   * @throws IOException when reading fails
   * @throws OAuthException {@code invalid_request} when the body is larger than {@code maxBytes} or malformed
   */
  public static Parameters parse(InputStream in, int maxBytes) throws IOException {
    int limit = (int) Math.min((long) maxBytes + 1, Integer.MAX_VALUE - 8);
    return parse(in.readNBytes(limit), maxBytes);
  }

  private static void addPair(byte[] body, int start, int end, Map<String, List<String>> raw) {
    int nameEnd = indexOf(body, (byte) '=', start, end);
    try {
      String name = UrlEncoding.decode(body, start, nameEnd);
      String value = nameEnd < end ? UrlEncoding.decode(body, nameEnd + 1, end) : "";
      raw.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    } catch (IllegalArgumentException e) {
      throw invalid("malformed form encoding: " + e.getMessage());
    }
  }

  /** The first index of {@code wanted} in {@code bytes[from..to)}, or {@code to}. */
  private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return to;
  }

  private static OAuthException invalid(String detail) {
    return new OAuthException(OAuthErrorCode.INVALID_REQUEST, "The request body is malformed.", detail);
  }
}
