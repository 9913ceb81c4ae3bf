package dev.gatehouse.protocol.client;

import dev.gatehouse.protocol.request.GrantType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A registered client.
 *
 * <p>{@code secretHash} is {@code null} for public clients ({@link TokenEndpointAuthMethod#NONE}); {@link #toString()}
 * never shows it. Redirect URIs are kept as registered strings and compared exactly.
 *
 * <p>{@code resourceServer} is a Gatehouse extension: a client registered as a resource server may introspect tokens
 * issued to any client, while every other client may introspect only its own tokens. RFC 7662 §4 asks for exactly this
 * kind of registration: the authorization server "SHOULD require protected resources to be specifically authorized to
 * call the introspection endpoint". The flag grants nothing else; in particular a resource server cannot revoke other
 * clients' tokens.
 *
 * <p>{@code oidc} holds the OpenID Connect registration (ID token algorithm, access-token format, logout URIs).
 * {@code dynamicallyRegistered} is true for a client that registered itself (RFC 7591) rather than being registered
 * by the operator: its URIs are not trusted to point inside the network ({@link
 * dev.gatehouse.protocol.logout.OutboundGuard}).
 *
 * <p>{@code allowedResources} is a Gatehouse extension: the resource indicators (RFC 8707) the client may ask access
 * tokens for, registered by the operator ({@link AllowedResources}). A client registered for none gets tokens with the
 * default audience only.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2">RFC 6749 §2 (client registration)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2 (refresh token rotation)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-4">RFC 7662 §4 (introspection security)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 §2 (resource indicators)</a>
 */
public record Client(
    String clientId,
    String clientName,
    TokenEndpointAuthMethod authMethod,
    String secretHash,
    List<String> redirectUris,
    Set<GrantType> grantTypes,
    Set<String> scopes,
    boolean rotateRefreshTokens,
    boolean resourceServer,
    OidcRegistration oidc,
    boolean dynamicallyRegistered,
    Set<String> allowedResources) {

  public Client {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(authMethod, "authMethod");
    redirectUris = List.copyOf(redirectUris);
    grantTypes = Set.copyOf(grantTypes);
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(oidc, "oidc");
    allowedResources = Set.copyOf(allowedResources);
  }


  /** An operator-registered client with the default OpenID Connect registration. */
  public Client(
      String clientId,
      String clientName,
      TokenEndpointAuthMethod authMethod,
      String secretHash,
      List<String> redirectUris,
      Set<GrantType> grantTypes,
      Set<String> scopes,
      boolean rotateRefreshTokens,
      boolean resourceServer) {
    this(clientId, clientName, authMethod, secretHash, redirectUris, grantTypes, scopes, rotateRefreshTokens,
        resourceServer, OidcRegistration.DEFAULTS, false, Set.of());
  }

  /** A client that is not a resource server; kept so that registrations predating the flag compile unchanged. */
  public Client(
      String clientId,
      String clientName,
      TokenEndpointAuthMethod authMethod,
      String secretHash,
      List<String> redirectUris,
      Set<GrantType> grantTypes,
      Set<String> scopes,
      boolean rotateRefreshTokens) {
    this(clientId, clientName, authMethod, secretHash, redirectUris, grantTypes, scopes, rotateRefreshTokens, false);
  }

  /**
   * The same registration with another secret hash: for a secret the server generated (at registration or at
   * rotation), or {@code null} for a public client.
   */
  public Client withSecretHash(String hash) {
    return new Client(clientId, clientName, authMethod, hash, redirectUris, grantTypes, scopes, rotateRefreshTokens,
        resourceServer, oidc, dynamicallyRegistered, allowedResources);
  }

  /** A public client cannot keep a secret and authenticates with {@code client_id} only (RFC 6749 §2.1). */
  public boolean isPublic() {
    return authMethod == TokenEndpointAuthMethod.NONE;
  }

  /** True when the client is registered for {@code grantType}. */
  public boolean allowsGrant(GrantType grantType) {
    return grantTypes.contains(grantType);
  }

  /**
   * Whether a refresh must rotate this client's refresh token. Public clients always rotate, whatever the flag says.
   * RFC 9700 §4.14.2: "Authorization servers MUST utilize one of these methods to detect refresh token replay by
   * malicious actors for public clients"; without sender-constrained tokens, rotation is the method left.
   */
  public boolean rotatesRefreshTokens() {
    return isPublic() || rotateRefreshTokens;
  }

  /** Never shows the secret hash. */
  @Override
  public String toString() {
    return "Client[clientId="
        + clientId
        + ", clientName="
        + clientName
        + ", authMethod="
        + authMethod.value()
        + ", redirectUris="
        + redirectUris
        + ", grantTypes="
        + grantTypes
        + ", scopes="
        + scopes
        + ", rotateRefreshTokens="
        + rotateRefreshTokens
        + ", resourceServer="
        + resourceServer
        + ", oidc="
        + oidc
        + ", dynamicallyRegistered="
        + dynamicallyRegistered
        + ", allowedResources="
        + allowedResources
        + "]";
  }
}
