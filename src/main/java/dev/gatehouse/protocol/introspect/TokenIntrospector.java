package dev.gatehouse.protocol.introspect;

import dev.gatehouse.protocol.client.ClaimNames;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.oidc.GroupsAndRoles;
import dev.gatehouse.protocol.resource.ResourceIndicators;
import dev.gatehouse.protocol.scope.Scopes;
import dev.gatehouse.protocol.store.AccessToken;
import dev.gatehouse.protocol.store.AccessTokenStore;
import dev.gatehouse.protocol.store.ClientStore;
import dev.gatehouse.protocol.store.RefreshToken;
import dev.gatehouse.protocol.store.RefreshTokenStore;
import dev.gatehouse.protocol.store.UserDirectory;
import dev.gatehouse.protocol.token.FoundToken;
import dev.gatehouse.protocol.token.TokenLookup;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Answers an introspection request for an authenticated client: is the token active, and if so, what is it.
 *
 * <p>Permission: a client sees the tokens issued to it; a client registered as a resource server ({@link
 * Client#resourceServer()}) sees every token. RFC 7662 §2.2: "If the introspection call is properly authorized but the
 * token is not active, does not exist on this server, or the protected resource is not allowed to introspect this
 * particular token, then the authorization server MUST return an introspection response with the "active" field set to
 * "false"." A caller without permission therefore gets exactly the answer an unknown token gets, so the endpoint
 * reveals nothing about other clients' tokens, not even that they exist.
 *
 * <p>Client authentication is the web layer's job (RFC 7662 §2.1: "the endpoint MUST also require some form of
 * authorization to access this endpoint"); this class receives the already authenticated caller.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2.1">RFC 7662 §2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2.2">RFC 7662 §2.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-4">RFC 7662 §4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2.2">RFC 8707 §2.2</a>
 */
public final class TokenIntrospector {
  private final TokenLookup lookup;
  private final UserDirectory users;
  private final String issuer;
  private final String defaultAudience;
  private final Clock clock;
  private final ClientStore clients;
  private final GroupsAndRoles groupsAndRoles;

  public TokenIntrospector(
      AccessTokenStore accessTokens,
      RefreshTokenStore refreshTokens,
      UserDirectory users,
      String issuer,
      Clock clock) {
    this(accessTokens, refreshTokens, users, issuer, issuer, clock);
  }

  /** @param defaultAudience the {@code aud} of an access token asked for no particular resource (RFC 8707) */
  public TokenIntrospector(
      AccessTokenStore accessTokens,
      RefreshTokenStore refreshTokens,
      UserDirectory users,
      String issuer,
      String defaultAudience,
      Clock clock) {
    this(accessTokens, refreshTokens, users, issuer, defaultAudience, clock, null, null);
  }

  /**
   * @param clients where the client a token was issued to is found, for the names of its groups and roles claims
   *     ({@link GroupsAndRoles}); {@code null} for answers without those claims
   */
  public TokenIntrospector(
      AccessTokenStore accessTokens,
      RefreshTokenStore refreshTokens,
      UserDirectory users,
      String issuer,
      String defaultAudience,
      Clock clock,
      ClientStore clients,
      GroupsAndRoles groupsAndRoles) {
    this.lookup = new TokenLookup(accessTokens, refreshTokens);
    this.users = Objects.requireNonNull(users, "users");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.defaultAudience = Objects.requireNonNull(defaultAudience, "defaultAudience");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.clients = clients;
    this.groupsAndRoles = clients == null ? null : Objects.requireNonNull(groupsAndRoles, "groupsAndRoles");
  }

  /**
   * Introspects {@code token} for {@code caller}.
   *
   * @param token the {@code token} parameter, or {@code null} when absent (the answer is then inactive)
   * @param tokenTypeHint the {@code token_type_hint} parameter; it only orders the lookups
   * @param caller the authenticated client making the request
   */
  public Introspection introspect(String token, Optional<String> tokenTypeHint, Client caller) {
    Objects.requireNonNull(caller, "caller");
    Instant now = clock.instant();
    // 1. Malformed values are refused without a store call; the hint orders the two lookups (TokenLookup).
    Optional<FoundToken> found = lookup.find(token, tokenTypeHint, now);
    if (found.isEmpty()) {
      return Introspection.inactive();
    }
    // 2. RFC 7662 §2.2: "the protected resource is not allowed to introspect this particular token" answers inactive.
    if (!maySee(caller, found.get())) {
      return Introspection.inactive();
    }
    // 3. Describe the token, or answer inactive when it is no longer usable.
    if (found.get() instanceof FoundToken.Access access) {
      return describe(access.token(), caller);
    }
    return describe(((FoundToken.Refresh) found.get()).token(), now, caller);
  }

  private static boolean maySee(Client caller, FoundToken token) {
    return caller.resourceServer() || caller.clientId().equals(token.clientId());
  }

  /**
   * An access token the lookup found is active: it exists, is not revoked and has not expired. RFC 8707 §2.2: "the
   * audience of the issued access token" is what the resource server checks; introspection tells it as {@code aud}
   * (RFC 7662 §2.2), the same value a JWT access token carries.
   */
  private Introspection describe(AccessToken token, Client caller) {
    return active(token.scopes(), token.clientId(), token.subject(), Introspection.BEARER, token.expiresAt(),
        token.issuedAt(), ResourceIndicators.audience(token.resources(), defaultAudience), caller);
  }

  /**
   * RFC 7662 §2.2 active: "a "true" value return for the "active" property will generally indicate that a given token
   * has been issued by this authorization server, has not been revoked by the resource owner, and is within its given
   * time window of validity". A rotated refresh token can never be used again, so it is not active either.
   */
  private Introspection describe(RefreshToken token, Instant now, Client caller) {
    if (token.revokedAt() != null || token.rotatedAt() != null || token.isExpiredAt(now)) {
      return Introspection.inactive();
    }
    return active(
        token.scopes(),
        token.clientId(),
        token.subject(),
        Introspection.REFRESH_TOKEN,
        token.expiresAt(),
        token.issuedAt(),
        null,
        caller);
  }

  private Introspection active(Set<String> scopes, String clientId, String subject, String tokenType,
      Instant expiresAt, Instant issuedAt, List<String> audience, Client caller) {
    String username = subject == null ? null : users.username(subject).orElse(null);
    String scope = scopes.isEmpty() ? null : Scopes.format(scopes);
    return new Introspection(true, scope, clientId, subject, username, tokenType, expiresAt, issuedAt, issuer,
        audience, userClaims(scopes, clientId, subject, caller));
  }

  /**
   * The groups and roles the token's scopes release, read now from the user's row (which every refresh brings up to
   * date from the directory), under the names of the client the token was issued to.
   */
  private Map<String, List<String>> userClaims(Set<String> scopes, String clientId, String subject, Client caller) {
    Map<String, List<String>> released = new LinkedHashMap<>();
    if (clients == null || subject == null || !GroupsAndRoles.asked(scopes)) {
      return released;
    }
    ClaimNames names = caller.clientId().equals(clientId) ? caller.claimNames()
        : clients.find(clientId).map(Client::claimNames).orElse(ClaimNames.DEFAULTS);
    users.claims(subject).ifPresent(user -> released.putAll(groupsAndRoles.claims(user, scopes, names)));
    return released;
  }
}
