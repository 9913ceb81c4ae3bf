package dev.gatehouse.web.view;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a client's redirect URI leads, in the two forms pages need: the origin a person reads ({@link #origin}) and
 * the source expression a content security policy's {@code form-action} names ({@link #cspSource}, CSP Level 3
 * §2.3.1).
 *
 * <p>A source expression may hold only a scheme, a host of letters, digits, dots and hyphens, and a port: anything
 * else in a header value could end the directive ({@code ;}) or the policy ({@code ,}). So an http(s) URI gives its
 * {@code scheme://host[:port]}; an IPv6 literal, which the CSP grammar has no form for, gives its scheme alone
 * ({@code http:}), the narrowest expression that lets the browser follow; a private-use scheme (RFC 8252 §7.1,
 * {@code com.example.app:/cb}) gives {@code com.example.app:}. A path is never named: after a redirect the browser
 * ignores it anyway (CSP3 §6.7.2.8), and an origin is what is being allowed.
 */
final class FormTargets {
  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
  private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

  private FormTargets() {}

  /** The CSP source expression that allows a form's redirect chain to end at {@code redirectUri}, if it has one. */
  static Optional<String> cspSource(String redirectUri) {
    Optional<URI> uri = parse(redirectUri);
    if (uri.isEmpty()) {
      return Optional.empty();
    }
    String scheme = uri.get().getScheme().toLowerCase(Locale.ROOT);
    if (!SCHEME.matcher(scheme).matches()) {
      return Optional.empty();
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of(scheme + ":");
    }
    String host = uri.get().getHost();
    if (host == null) {
      return Optional.empty();
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      return Optional.of(scheme + ":");
    }
    if (!HOST.matcher(host).matches()) {
      return Optional.empty();
    }
    int port = uri.get().getPort();
    return Optional.of(scheme + "://" + host + (port < 0 ? "" : ":" + port));
  }

  /** Where {@code redirectUri} leads, for people: {@code https://app.example.com}, or {@code com.example.app:}. */
  static String origin(String redirectUri) {
    return parse(redirectUri).map(uri -> {
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      return uri.getRawAuthority() == null ? scheme + ":" : scheme + "://" + uri.getRawAuthority();
    }).orElse(redirectUri);
  }

  private static Optional<URI> parse(String redirectUri) {
    try {
      URI uri = new URI(redirectUri);
      return uri.getScheme() == null ? Optional.empty() : Optional.of(uri);
    } catch (URISyntaxException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
