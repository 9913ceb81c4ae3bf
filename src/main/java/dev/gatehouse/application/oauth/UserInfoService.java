package dev.gatehouse.application.oauth;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.client.ClaimNames;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.oidc.ClaimsByScope;
import dev.gatehouse.protocol.oidc.GroupsAndRoles;
import dev.gatehouse.protocol.oidc.IdTokenIssuer;
import dev.gatehouse.protocol.oidc.UserClaims;
import dev.gatehouse.protocol.store.AccessToken;
import dev.gatehouse.protocol.store.ClientStore;
import dev.gatehouse.protocol.store.UserDirectory;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The claims the userinfo endpoint returns for a user's access token; read-only. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class UserInfoService {

  @Inject UserDirectory users;
  @Inject ClientStore clients;
  @Inject GroupsAndRoles groupsAndRoles;

  /**
   * OpenID Connect Core §5.3: the claims the token's scopes release ({@link ClaimsByScope}, the same table as the ID
   * token's, so {@code sub} is the same). The token must carry {@code openid}: UserInfo is an OpenID Connect resource
   * (§5.3.1, "an Access Token obtained through OpenID Connect Authentication"). Then the groups and roles its scopes
   * release ({@link GroupsAndRoles}), under the names of the client the token was issued to, as in its ID token.
   */
  public Map<String, Object> claims(AccessToken token) {
    UserClaims user = token.subject() == null ? null : users.claims(token.subject()).orElse(null);
    if (user == null) {
      // A client_credentials token, or a user deleted since: there is nobody to describe.
      throw new OAuthException(OAuthErrorCode.INVALID_TOKEN, "The access token does not belong to a user",
          "userinfo with a token without a user");
    }
    if (!token.scopes().contains(IdTokenIssuer.OPENID)) {
      throw new OAuthException(OAuthErrorCode.INSUFFICIENT_SCOPE, "The access token does not carry the openid scope.",
          "userinfo with a token without openid");
    }
    Map<String, Object> claims = new LinkedHashMap<>(ClaimsByScope.claims(user, token.scopes()));
    if (GroupsAndRoles.asked(token.scopes())) {
      ClaimNames names = clients.find(token.clientId()).map(Client::claimNames).orElse(ClaimNames.DEFAULTS);
      claims.putAll(groupsAndRoles.claims(user, token.scopes(), names));
    }
    return claims;
  }
}
