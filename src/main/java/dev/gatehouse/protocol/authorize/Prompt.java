package dev.gatehouse.protocol.authorize;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses the OpenID Connect {@code prompt} parameter: a space-delimited set of {@code none}, {@code login}, {@code
 * consent} and {@code select_account}.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OpenID Connect Core §3.1.2.1</a>
 */
public final class Prompt {
  public static final String NONE = "none";
  public static final String LOGIN = "login";
  public static final String CONSENT = "consent";
  public static final String SELECT_ACCOUNT = "select_account";

  private static final Set<String> KNOWN = Set.of(NONE, LOGIN, CONSENT, SELECT_ACCOUNT);

  private Prompt() {}

  /**
   * The prompt values as an unmodifiable sorted set; absent gives an empty set.
   *
   * @throws OAuthException {@code invalid_request} for an unknown value, or {@code none} combined with another value
   */
  public static Set<String> parse(Optional<String> raw) {
    TreeSet<String> values = new TreeSet<>();
    for (String value : raw.orElse("").split(" ")) {
      if (value.isEmpty()) {
        continue;
      }
      if (!KNOWN.contains(value)) {
        throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "The prompt parameter is invalid.", "unknown prompt");
      }
      values.add(value);
    }
    // OpenID Connect Core §3.1.2.1: "If this parameter contains none with any other value, an error is returned."
    if (values.contains(NONE) && values.size() > 1) {
      throw new OAuthException(
          OAuthErrorCode.INVALID_REQUEST, "The prompt parameter is invalid.", "prompt none combined with others");
    }
    return Collections.unmodifiableSortedSet(values);
  }
}
