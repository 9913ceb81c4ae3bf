package dev.gatehouse.protocol.resource;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code resource} parameter of the authorization and token endpoints (RFC 8707 §2), checked against the
 * resources a client is registered for, and the audience it gives an access token.
 *
 * <p>RFC 8707 §2: "Its value MUST be an absolute URI, as specified by Section 4.3 of [RFC3986]. The URI MUST NOT
 * include a fragment component." A value is compared with the registered ones by exact string, as redirect URIs are:
 * no normalisation, so one resource has one spelling. "invalid_target: The requested resource is invalid, missing,
 * unknown, or malformed" answers a malformed value and one the client is not registered for alike, so a client cannot
 * probe which resources exist.
 *
 * <p>Several {@code resource} parameters ask for a token usable at all of them; its {@code scope} is the same at each
 * (§2.2: "the requested access rights of the token are the cartesian product of all the scopes at all the target
 * services"): Gatehouse keeps no per-resource scopes.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 §2</a>
 */
public final class ResourceIndicators {
  /** The request parameter (RFC 8707 §2), which may occur more than once. */
  public static final String PARAMETER = "resource";
  /** How many resources one client may be registered for. */
  public static final int MAX_RESOURCES = 20;
  /** How long they may be, joined by spaces: what a code or token row holds. */
  public static final int MAX_LENGTH = 2000;

  /** RFC 3986 §2: a URI is visible US-ASCII; a space separates resources in storage. */
  private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

  private ResourceIndicators() {}

  /**
   * Why {@code value} cannot be a resource indicator, or empty when it can: an absolute URI (RFC 3986 §4.3) of
   * visible ASCII characters without a fragment, at most {@value #MAX_LENGTH} characters long. A query is allowed
   * (RFC 8707 §2 "SHOULD NOT", but recognises "cases that make a query component a useful and necessary part").
   */
  public static Optional<String> problem(String value) {
    if (value.length() > MAX_LENGTH || !VISIBLE_ASCII.matcher(value).matches()) {
      return Optional.of("must be a URI of at most " + MAX_LENGTH + " visible ASCII characters");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return Optional.of("is not a URI");
    }
    if (!uri.isAbsolute()) {
      return Optional.of("must be an absolute URI (RFC 8707 §2)");
    }
    if (value.indexOf('#') >= 0) {
      return Optional.of("must not have a fragment (RFC 8707 §2)");
    }
    return Optional.empty();
  }

  /**
   * The resources a request names ({@code resource} values), every one of them registered for the client; none when
   * the request names none (the token then gets the default audience).
   *
   * @param values every value of the {@code resource} parameter, in the order sent
   * @param allowed the resources the client is registered for
   * @throws OAuthException {@code invalid_target} when a value is malformed or not in {@code allowed}
   */
  public static SortedSet<String> requested(List<String> values, Set<String> allowed) {
    TreeSet<String> resources = new TreeSet<>();
    for (String value : values) {
      if (problem(value).isPresent()) {
        throw invalidTarget("resource parameter is not an absolute URI without fragment");
      }
      if (!allowed.contains(value)) {
        throw invalidTarget("resource not registered for the client");
      }
      resources.add(value);
    }
    return Collections.unmodifiableSortedSet(resources);
  }

  /**
   * The resources of a token issued from a grant (a code or a refresh token): those the token request names, which
   * must be among the granted ones, or all the granted ones when it names none. RFC 8707 §2.1: with a code, "the
   * requested resource is applicable to the full authorization grant"; §2.2 lets the token request ask for less. A
   * grant made without resources stays so: a resource cannot be added to it later. Every resource must still be
   * registered for the client, so that taking one away from a client ends its access at the next refresh.
   *
   * @throws OAuthException {@code invalid_target} when the request names a resource outside the grant, or the grant
   *     holds one the client is no longer registered for
   */
  public static SortedSet<String> fromGrant(List<String> values, Set<String> granted, Set<String> allowed) {
    SortedSet<String> resources = values.isEmpty() ? sorted(granted) : requested(values, granted);
    if (!allowed.containsAll(resources)) {
      throw invalidTarget("granted resource no longer registered for the client");
    }
    return resources;
  }

  /**
   * The audience ({@code aud}) of an access token for {@code resources}: those, sorted, or {@code defaultAudience}
   * when there are none. RFC 8707 §2: without the parameter the server "MAY process the request with no specific
   * resource or by using a predefined default resource value", which is the configured default audience.
   */
  public static List<String> audience(Set<String> resources, String defaultAudience) {
    return resources.isEmpty() ? List.of(defaultAudience) : List.copyOf(sorted(resources));
  }

  /** Resources as one column value: sorted, joined by spaces; {@code null} for none. */
  public static String format(Set<String> resources) {
    return resources.isEmpty() ? null : String.join(" ", sorted(resources));
  }

  /** The inverse of {@link #format}. */
  public static SortedSet<String> parse(String column) {
    return column == null || column.isEmpty() ? Collections.emptySortedSet()
        : sorted(Set.of(column.split(" ")));
  }

  private static SortedSet<String> sorted(Set<String> resources) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(resources));
  }

  private static OAuthException invalidTarget(String detail) {
    return new OAuthException(OAuthErrorCode.INVALID_TARGET, detail);
  }
}
