package dev.gatehouse.infrastructure.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A registered client (RFC 7591 field names in the columns); the secret only as a hash. */
@Entity
@Table(name = "clients")
public class ClientEntity {
  @Id
  @Column(name = "client_id")
  public String clientId;

  @Column(name = "client_name")
  public String clientName;

  @Column(name = "auth_method")
  public String authMethod;

  @Column(name = "secret_hash")
  public String secretHash;

  /** Registered redirect URIs, one per line (a URI cannot contain a line break). */
  @Column(name = "redirect_uris")
  public String redirectUris;

  /** Space-separated grant type values. */
  @Column(name = "grant_types")
  public String grantTypes;

  @Column(name = "scopes")
  public String scopes;

  @Column(name = "rotate_refresh_tokens")
  public boolean rotateRefreshTokens;

  /** May introspect tokens issued to any client (RFC 7662 §4). */
  @Column(name = "resource_server")
  public boolean resourceServer;

  @Column(name = "id_token_signed_response_alg")
  public String idTokenSignedResponseAlg = "RS256";

  /** {@code opaque} or {@code jwt} (RFC 9068). */
  @Column(name = "access_token_format")
  public String accessTokenFormat = "opaque";

  /** Registered post-logout redirect URIs, one per line, or null. */
  @Column(name = "post_logout_redirect_uris")
  public String postLogoutRedirectUris;

  @Column(name = "backchannel_logout_uri")
  public String backchannelLogoutUri;

  /** The resource indicators (RFC 8707) the client may ask tokens for, one per line, or null. */
  @Column(name = "allowed_resources")
  public String allowedResources;

  /** The name of the groups claim in this client's tokens; null for the default ({@code groups}). */
  @Column(name = "groups_claim_name")
  public String groupsClaimName;

  /** The name of the roles claim in this client's tokens; null for the default ({@code roles}). */
  @Column(name = "roles_claim_name")
  public String rolesClaimName;

  /** The roles of the access policy, one per line; null for none. */
  @Column(name = "allowed_roles")
  public String allowedRoles;

  /** The directory groups of the access policy, one per line; null for none. */
  @Column(name = "allowed_groups")
  public String allowedGroups;

  /** Registered by the operator as a first-party application: no consent page. */
  @Column(name = "first_party")
  public boolean firstParty;

  /** Registered by the client itself (RFC 7591), not by the operator. */
  @Column(name = "dynamically_registered")
  public boolean dynamicallyRegistered;

  /** RFC 7592: the SHA-256 (hex) of the registration access token of a dynamically registered client, or null. */
  @Column(name = "registration_token_hash")
  public String registrationTokenHash;

  @Column(name = "created_at")
  public long createdAt;

  @Column(name = "updated_at")
  public long updatedAt;
}
