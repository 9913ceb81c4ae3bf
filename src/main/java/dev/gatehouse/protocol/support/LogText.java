package dev.gatehouse.protocol.support;

/**
 * Turns any value into text that stays on one log line and cannot pass for the start of another: control characters
 * (C0 including CR, LF and TAB, DEL and C1 such as NEL), the Unicode line and paragraph separators, the bidirectional
 * controls (which can make a line read differently than it is stored) and unpaired surrogates are written as {@code
 * \\uXXXX}. A backslash is kept as it is, so that text already escaped (the audit trail's JSON line) is left unchanged;
 * an attacker who types {@code \\u000a} gets those six characters, which no log reader takes for a line break.
 *
 * <p>A value longer than {@link #MAX_LENGTH} characters is cut there and says how much was left out: request values
 * reach the log, and nobody should be able to fill the log with one parameter.
 */
public final class LogText {
  /** The most characters of one value a log line carries. */
  public static final int MAX_LENGTH = 8192;

  private LogText() {}

  /** {@code value} as one-line text; {@code "null"} for null. */
  public static String of(Object value) {
    String s = String.valueOf(value);
    int end = Math.min(s.length(), MAX_LENGTH);
    StringBuilder out = null;
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (mustEscape(s, i, c)) {
        if (out == null) {
          out = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    if (out == null && end == s.length()) {
      return s;
    }
    if (out == null) {
      out = new StringBuilder(end + 32).append(s, 0, end);
    }
    if (end < s.length()) {
      out.append("…(").append(s.length() - end).append(" more characters)");
    }
    return out.toString();
  }

  /** Whether {@code c} at {@code i} of {@code s} is written as an escape. */
  static boolean mustEscape(String s, int i, char c) {
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
      return true;
    }
    if ((c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f'
        || c == '\u061c') {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
