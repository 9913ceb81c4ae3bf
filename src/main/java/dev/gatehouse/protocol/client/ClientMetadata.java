package dev.gatehouse.protocol.client;

import java.util.List;

/**
 * A client's registration as received, before any check: the RFC 7591 §2 metadata (plus the OpenID Connect
 * registration fields and Gatehouse's {@code rotate_refresh_tokens}, {@code resource_server}, {@code
 * access_token_format}, {@code allowed_resources}, {@code allowed_roles}, {@code allowed_groups}, {@code
 * first_party}, {@code groups_claim_name} and {@code roles_claim_name}) under their Java names. A {@code null} field was absent, and gets its default when checked by
 * {@link ClientMetadataRules}. {@link #toString()} never shows the secret.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2</a>
 */
public record ClientMetadata(
    String clientId,
    String clientName,
    String tokenEndpointAuthMethod,
    String clientSecret,
    List<String> redirectUris,
    List<String> grantTypes,
    String scope,
    Boolean rotateRefreshTokens,
    Boolean resourceServer,
    String idTokenSignedResponseAlg,
    String accessTokenFormat,
    List<String> postLogoutRedirectUris,
    String backchannelLogoutUri,
    List<String> allowedResources,
    List<String> allowedRoles,
    List<String> allowedGroups,
    Boolean firstParty,
    String groupsClaimName,
    String rolesClaimName) {

  /** The RFC 7591 (and OpenID Connect, and Gatehouse) wire names of the fields, as problems name them. */
  public static final String CLIENT_ID = "client_id";
  public static final String CLIENT_NAME = "client_name";
  public static final String TOKEN_ENDPOINT_AUTH_METHOD = "token_endpoint_auth_method";
  public static final String CLIENT_SECRET = "client_secret";
  public static final String REDIRECT_URIS = "redirect_uris";
  public static final String GRANT_TYPES = "grant_types";
  public static final String SCOPE = "scope";
  public static final String ROTATE_REFRESH_TOKENS = "rotate_refresh_tokens";
  public static final String RESOURCE_SERVER = "resource_server";
  public static final String ID_TOKEN_SIGNED_RESPONSE_ALG = "id_token_signed_response_alg";
  public static final String ACCESS_TOKEN_FORMAT = "access_token_format";
  public static final String POST_LOGOUT_REDIRECT_URIS = "post_logout_redirect_uris";
  public static final String BACKCHANNEL_LOGOUT_URI = "backchannel_logout_uri";
  public static final String ALLOWED_RESOURCES = "allowed_resources";
  public static final String ALLOWED_ROLES = "allowed_roles";
  public static final String ALLOWED_GROUPS = "allowed_groups";
  public static final String FIRST_PARTY = "first_party";
  public static final String GROUPS_CLAIM_NAME = "groups_claim_name";
  public static final String ROLES_CLAIM_NAME = "roles_claim_name";

  public ClientMetadata {
    redirectUris = redirectUris == null ? null : List.copyOf(redirectUris);
    grantTypes = grantTypes == null ? null : List.copyOf(grantTypes);
    postLogoutRedirectUris = postLogoutRedirectUris == null ? null : List.copyOf(postLogoutRedirectUris);
    allowedResources = allowedResources == null ? null : List.copyOf(allowedResources);
    allowedRoles = allowedRoles == null ? null : List.copyOf(allowedRoles);
    allowedGroups = allowedGroups == null ? null : List.copyOf(allowedGroups);
  }

  /** A registration without the access policy, {@code first_party} and the claim names. */
  public ClientMetadata(String clientId, String clientName, String tokenEndpointAuthMethod, String clientSecret,
      List<String> redirectUris, List<String> grantTypes, String scope, Boolean rotateRefreshTokens,
      Boolean resourceServer, String idTokenSignedResponseAlg, String accessTokenFormat,
      List<String> postLogoutRedirectUris, String backchannelLogoutUri, List<String> allowedResources) {
    this(clientId, clientName, tokenEndpointAuthMethod, clientSecret, redirectUris, grantTypes, scope,
        rotateRefreshTokens, resourceServer, idTokenSignedResponseAlg, accessTokenFormat, postLogoutRedirectUris,
        backchannelLogoutUri, allowedResources, null, null, null, null, null);
  }

  /** A registration without {@code allowed_resources}. */
  public ClientMetadata(String clientId, String clientName, String tokenEndpointAuthMethod, String clientSecret,
      List<String> redirectUris, List<String> grantTypes, String scope, Boolean rotateRefreshTokens,
      Boolean resourceServer, String idTokenSignedResponseAlg, String accessTokenFormat,
      List<String> postLogoutRedirectUris, String backchannelLogoutUri) {
    this(clientId, clientName, tokenEndpointAuthMethod, clientSecret, redirectUris, grantTypes, scope,
        rotateRefreshTokens, resourceServer, idTokenSignedResponseAlg, accessTokenFormat, postLogoutRedirectUris,
        backchannelLogoutUri, null);
  }

  /** The same registration for another {@code client_id} (one the server generated, for example). */
  public ClientMetadata withClientId(String id) {
    return new ClientMetadata(id, clientName, tokenEndpointAuthMethod, clientSecret, redirectUris, grantTypes, scope,
        rotateRefreshTokens, resourceServer, idTokenSignedResponseAlg, accessTokenFormat, postLogoutRedirectUris,
        backchannelLogoutUri, allowedResources, allowedRoles, allowedGroups, firstParty,
        groupsClaimName, rolesClaimName);
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "ClientMetadata[clientId=" + clientId + ", clientName=" + clientName + ", tokenEndpointAuthMethod="
        + tokenEndpointAuthMethod + ", clientSecret=" + (clientSecret == null ? "absent" : "(hidden)")
        + ", redirectUris=" + redirectUris + ", grantTypes=" + grantTypes + ", scope=" + scope + "]";
  }
}
