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

  /**
   * Schemes that are never a redirection endpoint, whoever registers them: the browser runs them as script
   * (javascript, vbscript, livescript), makes a document of the URI itself or of its own storage (data, blob,
   * filesystem, about, view-source, mhtml, jar), reads the user's machine or its own innards (file, resource,
   * chrome, chrome-extension, moz-extension, ms-browser-extension, ms-its), or starts any app the URI names (intent).
   * A redirect to {@code javascript:…} with the code in it would run in the origin of the page that follows it.
   */
  public static final Set<String> REFUSED_SCHEMES = Set.of("javascript", "vbscript", "livescript", "data", "blob",
      "filesystem", "about", "view-source", "mhtml", "jar", "file", "resource", "chrome", "chrome-extension",
      "moz-extension", "ms-browser-extension", "ms-its", "intent");

  private ClientUris() {}

  /** {@link #redirectUriProblem(String, boolean)} for a client the operator registers. */
  public static Optional<String> redirectUriProblem(String uri) {
    return redirectUriProblem(uri, false);
  }

  /**
   * RFC 6749 §3.1.2: "The redirection endpoint URI MUST be an absolute URI" and "MUST NOT include a fragment
   * component". RFC 9700 §2.1 and §4.1.1 want https; plain http is accepted on loopback hosts only, where native
   * applications listen (RFC 8252 §7.3). Never one of the {@link #REFUSED_SCHEMES}, and never user information
   * ({@code https://user:password@host/}: a credential in a registration, and a way to dress one host up as another).
   * Other schemes are private-use schemes of native apps (RFC 8252 §7.1); a self-registered client's must be a
   * reverse domain name, with at least one dot ({@code com.example.app:/cb}), as that section says apps "MUST" use:
   * a bare word such as {@code myapp} is what any other app on the device may claim too.
   *
   * @param selfRegistered whether the client registers itself (RFC 7591)
   */
  public static Optional<String> redirectUriProblem(String uri, boolean selfRegistered) {
    if (uri.length() > MAX_LENGTH) {
      return Optional.of("is longer than " + MAX_LENGTH + " characters");
    }
    try {
      URI parsed = new URI(uri);
      String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
      if (REFUSED_SCHEMES.contains(scheme)) {
        return Optional.of("uses the scheme " + scheme + ", which is never a redirection endpoint");
      }
      if (!parsed.isAbsolute() || parsed.isOpaque()) {
        return Optional.of("must be an absolute URI");
      }
      if (parsed.getRawFragment() != null) {
        return Optional.of("must not have a fragment (RFC 6749 §3.1.2)");
      }
      if (hasUserInfo(parsed)) {
        return Optional.of("must not contain user information (user:password@)");
      }
      boolean web = scheme.equals("http") || scheme.equals("https");
      if (web && parsed.getHost() == null) {
        // https:///cb, or a host name java.net.URI cannot read (a_b.example): no browser would go where we checked.
        return Optional.of("must name a valid host");
      }
      String host = parsed.getHost() == null ? "" : parsed.getHost();
      if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(host)) {
        return Optional.of("must use https (http is allowed for localhost, 127.0.0.1 and [::1] only)");
      }
      if (!web && selfRegistered && !scheme.contains(".")) {
        return Optional.of("must use https, or a private-use scheme that is a reverse domain name such as"
            + " com.example.app (RFC 8252 §7.1)");
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
      if (hasUserInfo(parsed)) {
        return Optional.of("must not contain user information (user:password@)");
      }
      return parsed.getRawFragment() == null ? Optional.empty() : Optional.of("must not have a fragment");
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URI");
    }
  }

  /** User information, also where java.net.URI reads the authority as a registry name (no host). */
  private static boolean hasUserInfo(URI uri) {
    return uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"));
  }
}
