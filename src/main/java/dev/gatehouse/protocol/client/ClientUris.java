package dev.gatehouse.protocol.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for the URIs a client registers: redirect and post-logout redirect URIs, and the back-channel logout URI.
 * Each check returns the reason a URI is refused, or empty when it is acceptable.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2">RFC 6749 §3.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8252#section-7.3">RFC 8252 §7.3 (loopback redirects)</a>
 * @see <a href="https://openid.net/specs/openid-connect-backchannel-1_0.html#BCRegistration">Back-Channel Logout 1.0
 *     §2.2</a>
 */
public final class ClientUris {
  /** The longest URI accepted (the database column of the back-channel URI holds 2,000 characters). */
  public static final int MAX_LENGTH = 2000;

  /** The hosts on which a redirect URI may use plain http (RFC 8252 §7.3, §8.3). */
  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  private ClientUris() {}

  /**
   * RFC 6749 §3.1.2: "The redirection endpoint URI MUST be an absolute URI" and "MUST NOT include a fragment
   * component". RFC 9700 §2.1 and §4.1.1 want https; plain http is accepted on loopback hosts only, where native
   * applications listen (RFC 8252 §7.3).
   */
  public static Optional<String> redirectUriProblem(String uri) {
    if (uri.length() > MAX_LENGTH) {
      return Optional.of("is longer than " + MAX_LENGTH + " characters");
    }
    try {
      URI parsed = new URI(uri);
      if (!parsed.isAbsolute() || parsed.isOpaque()) {
        return Optional.of("must be an absolute URI");
      }
      if (parsed.getRawFragment() != null) {
        return Optional.of("must not have a fragment (RFC 6749 §3.1.2)");
      }
      String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
      String host = parsed.getHost() == null ? "" : parsed.getHost();
      if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(host)) {
        return Optional.of("must use https (http is allowed for localhost, 127.0.0.1 and [::1] only)");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URI");
    }
  }

  /**
   * Back-Channel Logout 1.0 §2.2: an absolute http or https URI that "MAY contain port, path, and query parameter
   * components" but "MUST NOT include any fragment component". Unlike a redirect URI, plain http to an intranet host
   * is accepted here: legacy applications live there, and where a self-registered client may point is decided when
   * the notification is sent ({@link dev.gatehouse.protocol.logout.OutboundGuard}).
   */
  public static Optional<String> backchannelLogoutUriProblem(String uri) {
    if (uri.length() > MAX_LENGTH) {
      return Optional.of("is longer than " + MAX_LENGTH + " characters");
    }
    try {
      URI parsed = new URI(uri);
      String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
      if (!parsed.isAbsolute() || parsed.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
        return Optional.of("must be an absolute http or https URI");
      }
      return parsed.getRawFragment() == null ? Optional.empty() : Optional.of("must not have a fragment");
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URI");
    }
  }
}
