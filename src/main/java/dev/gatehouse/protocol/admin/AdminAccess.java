package dev.gatehouse.protocol.admin;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.store.AccessToken;
import java.util.Optional;
import java.util.Set;

/**
 * Who may administer Gatehouse, decided from an active access token: the names every part of the administration
 * shares (the admin REST API, the console, the directory's group mapping), and the decision itself.
 *
 * <p>A token qualifies when it carries {@link #ADMIN_SCOPE}, and the client it was issued to is still registered with
 * that scope (so taking the scope away from a client takes effect at once, not when its tokens expire). A token
 * issued for a user additionally needs that user to exist, to hold {@link #ADMIN_ROLE} and not to be disabled, checked
 * at every request: the scope says what the client may ask for, the role says who may be asked. A token of a client
 * acting on its own behalf (client credentials, no user) qualifies with the scope alone, for automation.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1 (insufficient_scope)</a>
 */
public final class AdminAccess {
  /** The scope an access token needs for the admin API. Only a client registered for it can obtain it. */
  public static final String ADMIN_SCOPE = "gatehouse:admin";

  /** The role (users.roles, or a directory group mapped to it) a user needs to administer Gatehouse. */
  public static final String ADMIN_ROLE = "gatehouse-admin";

  /** What the decision needs to know about the token's user. */
  public record User(String username, Set<String> roles, boolean disabled) {
    public User {
      roles = Set.copyOf(roles);
    }
  }

  /** The decision: the actor when allowed, otherwise why not (for the log; the caller answers 403 either way). */
  public record Decision(Optional<AdminActor> actor, String refusal, boolean scopeMissing) {
    public boolean allowed() {
      return actor.isPresent();
    }

    static Decision refused(String why, boolean scopeMissing) {
      return new Decision(Optional.empty(), why, scopeMissing);
    }
  }

  private AdminAccess() {}

  /**
   * The one rule for a person, shared by the API (a user's token) and the console (a user's SSO session): enabled,
   * and holding the admin role as stored now.
   */
  public static boolean isAdministrator(boolean disabled, Set<String> roles) {
    return !disabled && roles.contains(ADMIN_ROLE);
  }

  /**
   * @param client the token's client as registered now (empty when it was deleted)
   * @param user the token's user as stored now (empty when the token has no user, or the user is gone)
   */
  public static Decision decide(AccessToken token, Optional<Client> client, Optional<User> user) {
    if (!token.scopes().contains(ADMIN_SCOPE)) {
      return Decision.refused("token without the " + ADMIN_SCOPE + " scope", true);
    }
    if (client.isEmpty() || !client.get().scopes().contains(ADMIN_SCOPE)) {
      return Decision.refused("client " + token.clientId() + " is no longer registered for " + ADMIN_SCOPE, false);
    }
    if (token.subject() == null) {
      return new Decision(Optional.of(AdminActor.client(token.clientId())), null, false);
    }
    if (user.isEmpty()) {
      return Decision.refused("the token's user " + token.subject() + " no longer exists", false);
    }
    if (user.get().disabled()) {
      return Decision.refused("user " + token.subject() + " is disabled", false);
    }
    if (!isAdministrator(false, user.get().roles())) {
      return Decision.refused("user " + token.subject() + " lacks the " + ADMIN_ROLE + " role", false);
    }
    return new Decision(Optional.of(new AdminActor(token.clientId(), token.subject(), user.get().username())), null,
        false);
  }
}
