package dev.gatehouse.protocol.scope;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses, formats and compares scope values.
 *
 * <p>RFC 6749 §3.3: "The value of the scope parameter is expressed as a list of space-delimited, case-sensitive
 * strings." The grammar is {@code scope = scope-token *( SP scope-token )} with {@code scope-token = 1*( %x21 /
 * %x23-5B / %x5D-7E )}; this parser follows it exactly, so leading, trailing or doubled spaces are refused.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.3">RFC 6749 §3.3</a>
 */
public final class Scopes {
  private Scopes() {}

  /**
   * Parses a scope value into an unmodifiable sorted set; {@code null} or blank gives an empty set.
   *
   * @throws OAuthException {@code invalid_scope} when the value does not follow the RFC 6749 §3.3 grammar
   */
  public static Set<String> parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Collections.emptySortedSet();
    }
    TreeSet<String> scopes = new TreeSet<>();
    for (String token : raw.split(" ", -1)) {
      if (!isScopeToken(token)) {
        throw new OAuthException(
            OAuthErrorCode.INVALID_SCOPE, "The scope parameter is malformed.", "scope does not match RFC 6749 §3.3");
      }
      scopes.add(token);
    }
    return Collections.unmodifiableSortedSet(scopes);
  }

  /** The scopes sorted and joined by single spaces; the empty set gives {@code ""}. */
  public static String format(Set<String> scopes) {
    return String.join(" ", new TreeSet<>(scopes));
  }

  /**
   * Returns {@code requested} when every scope in it is in {@code allowed}.
   *
   * @throws OAuthException {@code invalid_scope} otherwise
   */
  public static Set<String> requireSubset(Set<String> requested, Set<String> allowed) {
    if (!allowed.containsAll(requested)) {
      TreeSet<String> extra = new TreeSet<>(requested);
      extra.removeAll(allowed);
      throw new OAuthException(OAuthErrorCode.INVALID_SCOPE, "scopes not allowed: " + format(extra));
    }
    return requested;
  }

  private static boolean isScopeToken(String token) {
    if (token.isEmpty()) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean allowed = c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
