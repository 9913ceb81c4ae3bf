package dev.gatehouse.protocol.registration;

import dev.gatehouse.protocol.admin.AdminAccess;
import dev.gatehouse.protocol.client.AccessPolicy;
import dev.gatehouse.protocol.client.ClaimNames;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.logout.OutboundGuard;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.scope.Scopes;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a client that registers itself (RFC 7591) may ask for, on top of the checks every registration passes
 * ({@link dev.gatehouse.protocol.client.ClientMetadataRules}: absolute redirect URIs without fragment, https except
 * loopback, one for the authorization code grant, known grant types and auth methods, sizes that fit the store, no
 * self-declared resource server and no administration scope). RFC 7591 §2:
 * "The authorization server MAY reject or replace any of the client's requested metadata values submitted during the
 * registration"; Gatehouse rejects what exceeds the policy, with a fixed description, rather than silently narrowing
 * it, so a client never believes it holds a grant it does not.
 *
 * <ul>
 *   <li>scopes within {@link #scopes()} (default: all of them), never {@value AdminAccess#ADMIN_SCOPE};
 *   <li>grant types within {@link #grantTypes()}; {@code client_credentials} only for a confidential client, and only
 *       when the operator allowed it, which needs an initial access token: otherwise anyone on the network could
 *       mint service tokens for themselves;
 *   <li>{@code response_types} consistent with the grant types (§2.1), and {@code code} is the only one;
 *   <li>a {@code backchannel_logout_uri} on the scheme, host and port of one of the client's redirect URIs
 *       (Back-Channel Logout 1.0 §2.2 "MUST"), and not a literal loopback, private or link-local address unless the operator trusts
 *       self-registered clients with internal calls; a name is resolved only when a notification is sent, by {@link
 *       OutboundGuard}, which is the check that counts (no DNS look-ups of client-chosen names during a request);
 *   <li>always rotating refresh tokens, the protection RFC 9700 §4.14.2 asks for.
 * </ul>
 *
 * <p>And at most {@link #maxClients()} self-registered clients at once: registrations are rows that no purge removes
 * (nothing tells an abandoned client from a quiet one), so their number is bounded here instead.
 *
 * @param scopes the scopes a self-registered client may register
 * @param grantTypes the grant types it may register
 * @param mayCallInternal {@code GATEHOUSE_DYNAMIC_CLIENTS_MAY_CALL_INTERNAL}
 * @param maxClients how many self-registered clients may exist at once
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2</a>
 * @see <a href="https://openid.net/specs/openid-connect-backchannel-1_0.html#BCRegistration">Back-Channel Logout 1.0
 *     §2.2</a>
 */
public record RegistrationPolicy(Set<String> scopes, Set<GrantType> grantTypes, boolean mayCallInternal,
    int maxClients) {

  /** The default of the scope setting. */
  public static final String DEFAULT_SCOPES = "openid profile email offline_access";
  /** The default of the grant-type setting. */
  public static final String DEFAULT_GRANT_TYPES = "authorization_code refresh_token";

  private static final Pattern NUMERIC_HOST = Pattern.compile("[0-9.]+");

  public RegistrationPolicy {
    scopes = Set.copyOf(scopes);
    grantTypes = Set.copyOf(grantTypes);
    if (scopes.contains(AdminAccess.ADMIN_SCOPE)) {
      throw new IllegalArgumentException(AdminAccess.ADMIN_SCOPE + " is never granted to a self-registered client");
    }
    if (grantTypes.isEmpty()) {
      throw new IllegalArgumentException("at least one grant type is needed");
    }
    if (maxClients < 1) {
      throw new IllegalArgumentException("the most self-registered clients must be at least 1");
    }
  }

  /**
   * Refuses a registration when {@code registered} self-registered clients already exist.
   *
   * @throws OAuthException {@code access_denied} (403)
   */
  public void requireRoom(long registered) {
    if (registered >= maxClients) {
      throw new OAuthException(OAuthErrorCode.ACCESS_DENIED, "No more clients can register themselves.",
          registered + " self-registered clients, the most allowed is " + maxClients);
    }
  }

  /**
   * The scope setting: space-separated scope tokens (RFC 6749 §3.3), at least one, never {@value
   * AdminAccess#ADMIN_SCOPE}.
   *
   * @throws IllegalArgumentException saying what is wrong with the value
   */
  public static Set<String> parseScopes(String setting) {
    Set<String> scopes;
    try {
      scopes = Scopes.parse(setting.trim());
    } catch (OAuthException e) {
      throw new IllegalArgumentException("not a space-separated list of scope tokens");
    }
    if (scopes.isEmpty() || scopes.contains(AdminAccess.ADMIN_SCOPE)) {
      throw new IllegalArgumentException("at least one scope is needed, and " + AdminAccess.ADMIN_SCOPE
          + " is never allowed");
    }
    return scopes;
  }

  /**
   * The grant-type setting: space-separated grant types; {@code client_credentials} only behind an initial access
   * token.
   *
   * @throws IllegalArgumentException saying what is wrong with the value
   */
  public static Set<GrantType> parseGrantTypes(String setting, boolean initialTokenRequired) {
    Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
    for (String value : setting.trim().split("\\s+")) {
      grants.add(GrantType.fromValue(value).orElseThrow(() -> new IllegalArgumentException("'" + value
          + "' is not one of authorization_code, refresh_token, client_credentials")));
    }
    if (grants.contains(GrantType.CLIENT_CREDENTIALS) && !initialTokenRequired) {
      throw new IllegalArgumentException("client_credentials needs an initial access token, or anyone could register"
          + " a service and obtain tokens");
    }
    return grants;
  }

  /**
   * The client to store for a registration that passed the common checks, or the RFC 7591 §3.2.2 error.
   *
   * @param checked the client as its metadata describes it, with the identifier the server chose
   * @param responseTypes the registered {@code response_types}, or null when the field was absent
   * @param secretHash the hash of the client's secret (generated by the server), null for a public client
   * @throws OAuthException {@code invalid_client_metadata} or {@code invalid_redirect_uri}
   */
  public Client admit(Client checked, List<String> responseTypes, String secretHash) {
    Set<GrantType> grants = checked.grantTypes();
    if (!grantTypes.containsAll(grants)) {
      throw metadata("A requested grant type is not allowed for self-registered clients.",
          "grant_types " + grants + " exceed " + grantTypes);
    }
    if (checked.isPublic() && grants.contains(GrantType.CLIENT_CREDENTIALS)) {
      throw metadata("A public client cannot use client_credentials.", "client_credentials for a public client");
    }
    checkResponseTypes(responseTypes, grants);
    checked.oidc().backchannelLogoutUri().ifPresent(uri -> checkBackchannel(uri, checked.redirectUris()));
    Set<String> granted = checked.scopes().isEmpty() ? scopes : checked.scopes();
    if (!scopes.containsAll(granted)) {
      throw metadata("A requested scope is not allowed for self-registered clients.",
          "scope " + Scopes.format(granted) + " exceeds " + Scopes.format(scopes));
    }
    return checked.toBuilder()
        .secretHash(checked.isPublic() ? null : Objects.requireNonNull(secretHash, "secretHash"))
        .scopes(granted)
        .rotateRefreshTokens(true)
        .resourceServer(false)
        .dynamicallyRegistered(true)
        .allowedResources(Set.of()) // allowed_resources is the operator's to give
        .accessPolicy(AccessPolicy.EVERYONE) // and so are the access policy
        .firstParty(false) // and first_party
        .claimNames(ClaimNames.DEFAULTS) // and so are the claim names (ClaimNames)
        .build();
  }

  /**
   * The {@code response_types} to return: RFC 7591 §2.1, "the authorization server MUST ensure that they are
   * consistent" with the grant types; {@code code} goes with {@code authorization_code}, the others have none.
   */
  public static List<String> responseTypes(Set<GrantType> grants) {
    return grants.contains(GrantType.AUTHORIZATION_CODE) ? List.of("code") : List.of();
  }

  private static void checkResponseTypes(List<String> requested, Set<GrantType> grants) {
    if (requested == null) {
      return;
    }
    if (!Set.copyOf(requested).equals(Set.copyOf(responseTypes(grants)))) {
      throw metadata("response_types must be [\"code\"] with authorization_code, and empty otherwise.",
          "response_types " + requested + " inconsistent with grant_types " + grants);
    }
  }

  private void checkBackchannel(String uri, List<String> redirectUris) {
    URI parsed = URI.create(uri);
    if (redirectUris.stream().map(URI::create)
        .noneMatch(redirect -> sameOrigin(redirect, parsed))) {
      throw metadata("backchannel_logout_uri must have the scheme, host and port of a redirect URI.",
          "backchannel_logout_uri not on the origin of a redirect URI");
    }
    Optional<String> refusal = mayCallInternal ? Optional.empty()
        : new OutboundGuard(RegistrationPolicy::literalAddresses).refusal(parsed);
    if (refusal.isPresent()) {
      throw metadata("backchannel_logout_uri must not point at an internal address.",
          "backchannel_logout_uri refused: " + refusal.get());
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  /**
   * The addresses a host names without asking DNS: an IP literal (every numeric form the JDK accepts, such as
   * {@code 127.1}), or loopback for {@code localhost} and its subdomains (RFC 6761 §6.3); none for other names.
   */
  static InetAddress[] literalAddresses(String host) throws UnknownHostException {
    // A trailing dot names the same host as a fully qualified name ("localhost." is localhost).
    String lower = host.toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
    if (lower.equals("localhost") || lower.endsWith(".localhost")) {
      return new InetAddress[] {InetAddress.getLoopbackAddress()};
    }
    if (lower.contains(":") || NUMERIC_HOST.matcher(lower).matches()) {
      return InetAddress.getAllByName(lower);
    }
    return new InetAddress[0];
  }

  private static OAuthException metadata(String description, String detail) {
    return new OAuthException(OAuthErrorCode.INVALID_CLIENT_METADATA, description, detail);
  }
}
