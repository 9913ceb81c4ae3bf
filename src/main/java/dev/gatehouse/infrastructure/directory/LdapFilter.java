package dev.gatehouse.infrastructure.directory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search filters with values from outside (a typed username, a user's DN) put in safely: every value is escaped as
 * RFC 4515 §3 requires, so that it can only ever be compared, never change the filter's structure. The username
 * {@code *)(uid=*} becomes {@code \2a\29\28uid=\2a}: a name that nobody has.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4515#section-3">RFC 4515 §3</a>
 */
final class LdapFilter {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

  private LdapFilter() {}

  /**
   * RFC 4515 §3: "The <valueencoding> rule ensures that the entire filter string is a valid UTF-8 string and provides
   * that the octets that represent the ASCII characters "*" (ASCII 0x2a), "(" (ASCII 0x28), ")" (ASCII 0x29), "\"
   * (ASCII 0x5c), and NUL (ASCII 0x00) are represented as a backslash "\" (ASCII 0x5c) followed by the two
   * hexadecimal digits representing the value of the encoded octet."
   */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '*' -> out.append("\\2a");
        case '(' -> out.append("\\28");
        case ')' -> out.append("\\29");
        case '\\' -> out.append("\\5c");
        case '\0' -> out.append("\\00");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The template with each {@code {n}} replaced by the escaped {@code values[n]}. */
  static String format(String template, String... values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int index = Integer.parseInt(m.group(1));
      if (index >= values.length) {
        throw new IllegalArgumentException("the filter uses {" + index + "}, which is not defined here");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(escape(values[index])));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Checks a configured filter template: enclosed in parentheses, balanced, with {@code {0}} and no placeholder
   * beyond {@code {maxIndex}}. A bad filter is a configuration error found at start-up, not at the first sign-in.
   */
  static void checkTemplate(String template, int maxIndex) {
    String t = template.strip();
    if (!t.startsWith("(") || !t.endsWith(")") || !t.contains("{0}")) {
      throw new IllegalArgumentException("must be an LDAP filter in parentheses that uses {0}");
    }
    String[] samples = new String[maxIndex + 1];
    java.util.Arrays.fill(samples, "value");
    String sample = format(t, samples);
    int depth = 0;
    for (int i = 0; i < sample.length(); i++) {
      char c = sample.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth < 0) {
        break;
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("has unbalanced parentheses");
    }
  }
}
