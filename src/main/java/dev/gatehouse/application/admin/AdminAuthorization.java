package dev.gatehouse.application.admin;

import dev.gatehouse.protocol.admin.AdminAccess;
import dev.gatehouse.protocol.store.AccessToken;
import dev.gatehouse.protocol.store.ClientStore;
import dev.gatehouse.protocol.store.UserAccount;
import dev.gatehouse.protocol.store.UserStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import dev.gatehouse.application.signin.DirectoryStanding;

/**
 * Decides whether an active access token may call the admin API ({@link AdminAccess}), and whether a signed-in user
 * may use the console: reads the token's client and the user as they are now, at every request. A directory user's
 * roles are the directory's ({@link DirectoryStanding#recent}: asked again once its last answer is older than {@code
 * GATEHOUSE_LDAP_ROLE_CACHE}), so a directory administrator removed from the admin group, or from the directory,
 * loses the administration within that bound, whatever tokens it holds. While the directory cannot be asked, the
 * roles it gave last count. No transaction is held while the directory answers.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AdminAuthorization {

  @Inject ClientStore clients;
  @Inject UserStore users;
  @Inject DirectoryStanding directory;

  public AdminAccess.Decision decide(AccessToken token) {
    Optional<AdminAccess.User> user = token.subject() == null ? Optional.empty() : current(token.subject());
    return AdminAccess.decide(token, clients.find(token.clientId()), user);
  }

  /** The user as it stands now, with its current roles; empty when unknown, or gone from its directory. */
  public Optional<AdminAccess.User> current(String subject) {
    return users.findById(subject).flatMap(this::standing);
  }

  private Optional<AdminAccess.User> standing(UserAccount u) {
    if (u.disabled() || !DirectoryStanding.fromDirectory(u)) {
      return Optional.of(new AdminAccess.User(u.username(), u.roles(), u.disabled()));
    }
    DirectoryStanding.Standing now = directory.recent(u);
    return switch (now.verdict()) {
      case GONE -> Optional.empty();
      case PRESENT -> Optional.of(new AdminAccess.User(u.username(), now.roles(), false));
      case UNKNOWN -> Optional.of(new AdminAccess.User(u.username(), u.roles(), false));
    };
  }
}
