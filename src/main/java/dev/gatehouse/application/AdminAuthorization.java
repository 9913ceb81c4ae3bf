package dev.gatehouse.application;

import dev.gatehouse.persistence.JpaUserStore;
import dev.gatehouse.protocol.admin.AdminAccess;
import dev.gatehouse.protocol.store.AccessToken;
import dev.gatehouse.protocol.store.ClientStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Decides whether an active access token may call the admin API ({@link AdminAccess}): reads the token's client and
 * user as they are now, in one read-only call.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AdminAuthorization {

  @Inject ClientStore clients;
  @Inject JpaUserStore users;

  public AdminAccess.Decision decide(AccessToken token) {
    Optional<AdminAccess.User> user = token.subject() == null ? Optional.empty()
        : users.findById(token.subject())
            .map(u -> new AdminAccess.User(u.username, DatabaseIdentityStore.roles(u.roles), u.disabled));
    return AdminAccess.decide(token, clients.find(token.clientId()), user);
  }
}
