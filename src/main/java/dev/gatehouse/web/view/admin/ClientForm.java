package dev.gatehouse.web.view.admin;

import static dev.gatehouse.protocol.client.ClientMetadata.ACCESS_TOKEN_FORMAT;
import static dev.gatehouse.protocol.client.ClientMetadata.ALLOWED_GROUPS;
import static dev.gatehouse.protocol.client.ClientMetadata.ALLOWED_RESOURCES;
import static dev.gatehouse.protocol.client.ClientMetadata.ALLOWED_ROLES;
import static dev.gatehouse.protocol.client.ClientMetadata.BACKCHANNEL_LOGOUT_URI;
import static dev.gatehouse.protocol.client.ClientMetadata.CLIENT_ID;
import static dev.gatehouse.protocol.client.ClientMetadata.CLIENT_NAME;
import static dev.gatehouse.protocol.client.ClientMetadata.FIRST_PARTY;
import static dev.gatehouse.protocol.client.ClientMetadata.GRANT_TYPES;
import static dev.gatehouse.protocol.client.ClientMetadata.GROUPS_CLAIM_NAME;
import static dev.gatehouse.protocol.client.ClientMetadata.ID_TOKEN_SIGNED_RESPONSE_ALG;
import static dev.gatehouse.protocol.client.ClientMetadata.POST_LOGOUT_REDIRECT_URIS;
import static dev.gatehouse.protocol.client.ClientMetadata.REDIRECT_URIS;
import static dev.gatehouse.protocol.client.ClientMetadata.RESOURCE_SERVER;
import static dev.gatehouse.protocol.client.ClientMetadata.ROLES_CLAIM_NAME;
import static dev.gatehouse.protocol.client.ClientMetadata.ROTATE_REFRESH_TOKENS;
import static dev.gatehouse.protocol.client.ClientMetadata.SCOPE;
import static dev.gatehouse.protocol.client.ClientMetadata.TOKEN_ENDPOINT_AUTH_METHOD;

import dev.gatehouse.protocol.client.AccessTokenFormat;
import dev.gatehouse.protocol.client.ClaimNames;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientMetadata;
import dev.gatehouse.protocol.client.OidcRegistration;
import dev.gatehouse.protocol.client.TokenEndpointAuthMethod;
import dev.gatehouse.protocol.request.GrantType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The client form: every registration field that {@code ClientAdministration} accepts, under its RFC 7591 name (the
 * names the services' problems carry), read into a {@link ClientMetadata} and filled back from one or from a
 * {@link Client}. No rule lives here: what is valid is {@code ClientMetadataRules}' to say. The secret is never a
 * field: the server generates it.
 */
final class ClientForm {
  /** The fields, in the order of the page. */
  static final Set<String> FIELDS = Set.of(CLIENT_ID, CLIENT_NAME, TOKEN_ENDPOINT_AUTH_METHOD, REDIRECT_URIS,
      GRANT_TYPES, SCOPE, ROTATE_REFRESH_TOKENS, RESOURCE_SERVER, ID_TOKEN_SIGNED_RESPONSE_ALG, ACCESS_TOKEN_FORMAT,
      POST_LOGOUT_REDIRECT_URIS, BACKCHANNEL_LOGOUT_URI, ALLOWED_RESOURCES, ALLOWED_ROLES, ALLOWED_GROUPS,
      FIRST_PARTY, GROUPS_CLAIM_NAME, ROLES_CLAIM_NAME);
  static final List<String> AUTH_METHODS =
      Arrays.stream(TokenEndpointAuthMethod.values()).map(TokenEndpointAuthMethod::value).toList();
  static final List<String> GRANTS = Arrays.stream(GrantType.values()).map(GrantType::value).toList();
  /** RS256 first: the default (OpenID Connect Registration §2). */
  static final List<String> ALGORITHMS = OidcRegistration.ID_TOKEN_ALGORITHMS.stream()
      .sorted(Comparator.reverseOrder()).toList();
  static final List<String> TOKEN_FORMATS = Arrays.stream(AccessTokenFormat.values()).map(AccessTokenFormat::value)
      .toList();

  private ClientForm() {}

  /** The registration as the form sent it; {@code clientId} is the edited client's (the field is read-only then). */
  static ClientMetadata read(HttpServletRequest request, String clientId) {
    return new ClientMetadata(
        clientId != null ? clientId : FormState.text(request, CLIENT_ID),
        FormState.text(request, CLIENT_NAME),
        FormState.text(request, TOKEN_ENDPOINT_AUTH_METHOD),
        null,
        FormState.lines(request, REDIRECT_URIS),
        FormState.all(request, GRANT_TYPES),
        FormState.text(request, SCOPE),
        FormState.flag(request, ROTATE_REFRESH_TOKENS),
        FormState.flag(request, RESOURCE_SERVER),
        FormState.text(request, ID_TOKEN_SIGNED_RESPONSE_ALG),
        FormState.text(request, ACCESS_TOKEN_FORMAT),
        FormState.lines(request, POST_LOGOUT_REDIRECT_URIS),
        FormState.text(request, BACKCHANNEL_LOGOUT_URI),
        FormState.lines(request, ALLOWED_RESOURCES),
        FormState.lines(request, ALLOWED_ROLES),
        FormState.lines(request, ALLOWED_GROUPS),
        FormState.flag(request, FIRST_PARTY),
        FormState.text(request, GROUPS_CLAIM_NAME),
        FormState.text(request, ROLES_CLAIM_NAME));
  }

  /** A new client's form: RFC 7591's defaults (client_secret_basic, authorization_code) and Gatehouse's. */
  static FormState blank() {
    return new FormState().choose(TOKEN_ENDPOINT_AUTH_METHOD, TokenEndpointAuthMethod.CLIENT_SECRET_BASIC.value())
        .choose(GRANT_TYPES, GrantType.AUTHORIZATION_CODE.value()).flag(ROTATE_REFRESH_TOKENS, true)
        .choose(ID_TOKEN_SIGNED_RESPONSE_ALG, OidcRegistration.DEFAULTS.idTokenSignedResponseAlg())
        .choose(ACCESS_TOKEN_FORMAT, AccessTokenFormat.OPAQUE.value())
        .text(GROUPS_CLAIM_NAME, ClaimNames.DEFAULTS.groups()).text(ROLES_CLAIM_NAME, ClaimNames.DEFAULTS.roles());
  }

  /** The form as it was sent, to show again with its problems. */
  static FormState of(ClientMetadata m) {
    FormState form = new FormState().text(CLIENT_ID, m.clientId()).text(CLIENT_NAME, m.clientName())
        .choose(TOKEN_ENDPOINT_AUTH_METHOD, m.tokenEndpointAuthMethod()).lines(REDIRECT_URIS, m.redirectUris())
        .text(SCOPE, m.scope()).flag(ROTATE_REFRESH_TOKENS, Boolean.TRUE.equals(m.rotateRefreshTokens()))
        .flag(RESOURCE_SERVER, Boolean.TRUE.equals(m.resourceServer()))
        .choose(ID_TOKEN_SIGNED_RESPONSE_ALG, m.idTokenSignedResponseAlg())
        .choose(ACCESS_TOKEN_FORMAT, m.accessTokenFormat())
        .lines(POST_LOGOUT_REDIRECT_URIS, m.postLogoutRedirectUris())
        .text(BACKCHANNEL_LOGOUT_URI, m.backchannelLogoutUri())
        .lines(ALLOWED_RESOURCES, m.allowedResources())
        .lines(ALLOWED_ROLES, m.allowedRoles())
        .lines(ALLOWED_GROUPS, m.allowedGroups())
        .flag(FIRST_PARTY, Boolean.TRUE.equals(m.firstParty()))
        .text(GROUPS_CLAIM_NAME, m.groupsClaimName()).text(ROLES_CLAIM_NAME, m.rolesClaimName());
    m.grantTypes().forEach(g -> form.choose(GRANT_TYPES, g));
    return form;
  }

  /** A registered client's form, to edit it. */
  static FormState of(Client c) {
    FormState form = new FormState().text(CLIENT_ID, c.clientId()).text(CLIENT_NAME, c.clientName())
        .choose(TOKEN_ENDPOINT_AUTH_METHOD, c.authMethod().value()).lines(REDIRECT_URIS, c.redirectUris())
        .text(SCOPE, String.join(" ", new TreeSet<>(c.scopes())))
        .flag(ROTATE_REFRESH_TOKENS, c.rotateRefreshTokens()).flag(RESOURCE_SERVER, c.resourceServer())
        .choose(ID_TOKEN_SIGNED_RESPONSE_ALG, c.oidc().idTokenSignedResponseAlg())
        .choose(ACCESS_TOKEN_FORMAT, c.oidc().accessTokenFormat().value())
        .lines(POST_LOGOUT_REDIRECT_URIS, c.oidc().postLogoutRedirectUris())
        .text(BACKCHANNEL_LOGOUT_URI, c.oidc().backchannelLogoutUri().orElse(null))
        .lines(ALLOWED_RESOURCES, c.allowedResources().stream().sorted().toList())
        .lines(ALLOWED_ROLES, c.accessPolicy().roles().stream().sorted().toList())
        .lines(ALLOWED_GROUPS, c.accessPolicy().groups().stream().sorted().toList())
        .flag(FIRST_PARTY, c.firstParty())
        .text(GROUPS_CLAIM_NAME, c.claimNames().groups()).text(ROLES_CLAIM_NAME, c.claimNames().roles());
    c.grantTypes().forEach(g -> form.choose(GRANT_TYPES, g.value()));
    return form;
  }
}
