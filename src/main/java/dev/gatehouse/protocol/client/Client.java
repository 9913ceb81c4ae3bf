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
 * <p>{@code accessPolicy} is a Gatehouse extension: the roles or directory groups a user needs to use the client at
 * all ({@link AccessPolicy}; {@link AccessPolicy#EVERYONE} when none). {@code firstParty} marks a client the operator
 * registered as its own application: its users are not shown the consent page unless the client asks with {@code
 * prompt=consent}; the consent is recorded all the same. Neither can be set by a client that registers itself.
 *
 * <p>{@code claimNames} is a Gatehouse extension: the names of the groups and roles claims in the client's tokens
 * ({@link ClaimNames}).
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
    Set<String> allowedResources,
    AccessPolicy accessPolicy,
    boolean firstParty,
    ClaimNames claimNames) {

  public Client {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(authMethod, "authMethod");
    redirectUris = List.copyOf(redirectUris);
    grantTypes = Set.copyOf(grantTypes);
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(oidc, "oidc");
    allowedResources = Set.copyOf(allowedResources);
    Objects.requireNonNull(accessPolicy, "accessPolicy");
    Objects.requireNonNull(claimNames, "claimNames");
  }


  /**
   * A registration with {@code clientId}, to be completed with named steps; {@link Builder#name} and {@link
   * Builder#authMethod} are required, everything else has the default of an operator-registered client.
   */
  public static Builder builder(String clientId) {
    return new Builder(clientId);
  }

  /** A builder that starts from this registration, to change some of it. */
  public Builder toBuilder() {
    return new Builder(clientId)
        .name(clientName)
        .authMethod(authMethod)
        .secretHash(secretHash)
        .redirectUris(redirectUris)
        .grantTypes(grantTypes)
        .scopes(scopes)
        .rotateRefreshTokens(rotateRefreshTokens)
        .resourceServer(resourceServer)
        .oidc(oidc)
        .dynamicallyRegistered(dynamicallyRegistered)
        .allowedResources(allowedResources)
        .accessPolicy(accessPolicy)
        .firstParty(firstParty)
        .claimNames(claimNames);
  }

  /**
   * The same registration with another secret hash: for a secret the server generated (at registration or at
   * rotation), or {@code null} for a public client.
   */
  public Client withSecretHash(String hash) {
    return toBuilder().secretHash(hash).build();
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
        + ", accessPolicy="
        + accessPolicy
        + ", firstParty="
        + firstParty
        + ", claimNames="
        + claimNames
        + "]";
  }

  /**
   * Builds a {@link Client} step by step. Defaults: no secret hash, no redirect URIs, grant types, scopes or allowed
   * resources; refresh tokens not rotated (public clients rotate all the same, {@link #rotatesRefreshTokens()}); not a
   * resource server; the default OpenID Connect registration; registered by the operator; open to everyone; not a
   * first-party client.
   */
  public static final class Builder {
    private final String clientId;
    private String clientName;
    private TokenEndpointAuthMethod authMethod;
    private String secretHash;
    private List<String> redirectUris = List.of();
    private Set<GrantType> grantTypes = Set.of();
    private Set<String> scopes = Set.of();
    private boolean rotateRefreshTokens;
    private boolean resourceServer;
    private OidcRegistration oidc = OidcRegistration.DEFAULTS;
    private boolean dynamicallyRegistered;
    private Set<String> allowedResources = Set.of();
    private AccessPolicy accessPolicy = AccessPolicy.EVERYONE;
    private boolean firstParty;
    private ClaimNames claimNames = ClaimNames.DEFAULTS;

    private Builder(String clientId) {
      this.clientId = clientId;
    }

    /** The human-readable name (RFC 7591 {@code client_name}); required. */
    public Builder name(String name) {
      this.clientName = name;
      return this;
    }

    /** How the client authenticates at the token endpoint; required. */
    public Builder authMethod(TokenEndpointAuthMethod method) {
      this.authMethod = method;
      return this;
    }

    /** The hash of the client secret ({@link ClientSecrets#hash}); {@code null} for a public client. */
    public Builder secretHash(String hash) {
      this.secretHash = hash;
      return this;
    }

    public Builder redirectUris(List<String> uris) {
      this.redirectUris = uris;
      return this;
    }

    public Builder grantTypes(Set<GrantType> types) {
      this.grantTypes = types;
      return this;
    }

    public Builder scopes(Set<String> registered) {
      this.scopes = registered;
      return this;
    }

    /** Whether a refresh rotates a confidential client's refresh token (RFC 9700 §4.14.2). */
    public Builder rotateRefreshTokens(boolean rotate) {
      this.rotateRefreshTokens = rotate;
      return this;
    }

    /** Whether the client may introspect tokens issued to any client (RFC 7662 §4). */
    public Builder resourceServer(boolean isResourceServer) {
      this.resourceServer = isResourceServer;
      return this;
    }

    public Builder oidc(OidcRegistration registration) {
      this.oidc = registration;
      return this;
    }

    /** Whether the client registered itself (RFC 7591) rather than being registered by the operator. */
    public Builder dynamicallyRegistered(boolean dynamic) {
      this.dynamicallyRegistered = dynamic;
      return this;
    }

    /** The resource indicators (RFC 8707) the client may ask access tokens for. */
    public Builder allowedResources(Set<String> resources) {
      this.allowedResources = resources;
      return this;
    }

    /** Who may use the client ({@link AccessPolicy}). */
    public Builder accessPolicy(AccessPolicy policy) {
      this.accessPolicy = policy;
      return this;
    }

    /** Whether the operator registered the client as a first-party application, which skips the consent page. */
    public Builder firstParty(boolean isFirstParty) {
      this.firstParty = isFirstParty;
      return this;
    }

    /** The names of the groups and roles claims in the client's tokens ({@link ClaimNames}). */
    public Builder claimNames(ClaimNames names) {
      this.claimNames = names;
      return this;
    }

    /**
     * @throws NullPointerException when the name or the authentication method was not given
     */
    public Client build() {
      return new Client(clientId, clientName, authMethod, secretHash, redirectUris, grantTypes, scopes,
          rotateRefreshTokens, resourceServer, oidc, dynamicallyRegistered, allowedResources, accessPolicy, firstParty,
          claimNames);
    }
  }
}
