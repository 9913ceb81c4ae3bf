package dev.gatehouse.application;

import dev.gatehouse.persistence.JpaUserStore;
import dev.gatehouse.persistence.entity.UserEntity;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.store.AccessToken;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObjectBuilder;

/** The claims the userinfo endpoint returns for a user's access token; read-only. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class UserInfoService {

  /** Looked up once: {@code Json.create…} would look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject JpaUserStore users;

  public String claims(AccessToken token) {
    UserEntity user = token.subject() == null ? null : users.findById(token.subject()).orElse(null);
    if (user == null) {
      // A client_credentials token, or a user deleted since: there is nobody to describe.
      throw new OAuthException(OAuthErrorCode.INVALID_TOKEN, "The access token does not belong to a user",
          "userinfo with a token without a user");
    }
    JsonObjectBuilder json = JSON.createObjectBuilder().add("sub", user.id);
    if (token.scopes().contains("profile")) {
      json.add("preferred_username", user.username);
      if (user.name != null) {
        json.add("name", user.name);
      }
    }
    if (token.scopes().contains("email") && user.email != null) {
      json.add("email", user.email);
    }
    return json.build().toString();
  }
}
