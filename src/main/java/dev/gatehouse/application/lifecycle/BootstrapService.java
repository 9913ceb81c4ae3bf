package dev.gatehouse.application.lifecycle;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.infrastructure.persistence.JpaClientStore;
import dev.gatehouse.infrastructure.persistence.JpaUserStore;
import dev.gatehouse.infrastructure.persistence.entity.UserEntity;
import dev.gatehouse.protocol.client.Client;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import dev.gatehouse.infrastructure.files.BootstrapFile;
import dev.gatehouse.application.signin.DatabaseIdentityStore;
import dev.gatehouse.application.signin.PasswordHashing;
import dev.gatehouse.application.admin.UserAdministration;
import dev.gatehouse.application.admin.UserSpec;

/**
 * Applies the bootstrap content idempotently, in one transaction: clients are inserted or replaced; users are
 * created, or their name, email and (when it no longer verifies) password are updated. A user keeps its subject
 * identifier across restarts.
 */
@Stateless
public class BootstrapService {

  private static final SafeLog LOG = SafeLog.of(BootstrapService.class);

  @Inject JpaClientStore clients;
  @Inject JpaUserStore users;
  @Inject PasswordHashing passwords;
  @Inject Clock clock;

  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void apply(BootstrapFile.Content content, String source) {
    Instant now = clock.instant();
    int created = 0;
    for (Client client : content.clients()) {
      created += clients.save(client, now) ? 1 : 0;
    }
    int usersCreated = 0;
    for (UserSpec spec : content.users()) {
      usersCreated += saveUser(spec, now) ? 1 : 0;
    }
    LOG.info("Bootstrap from {}: {} client(s) ({} new), {} user(s) ({} new)", source, content.clients().size(), created,
        content.users().size(), usersCreated);
  }

  private boolean saveUser(UserSpec spec, Instant now) {
    UserEntity user = users.findByUsername(spec.username()).orElse(null);
    if (user != null && !DatabaseIdentityStore.STORE_ID.equals(user.source)) {
      // Never give a directory user a second password or overwrite the claims its directory owns.
      throw new IllegalStateException("Bootstrap file user '" + spec.username() + "' is already a user of the "
          + user.source + " identity store; rename it in the file, or delete the directory user's row first");
    }
    boolean created = user == null;
    if (created) {
      user = new UserEntity();
      user.id = UUID.randomUUID().toString();
      user.username = spec.username();
      user.createdAt = now.toEpochMilli();
    }
    boolean changed = created || !passwords.verify(spec.password(), user.passwordHash);
    if (changed) {
      user.passwordHash = passwords.hash(spec.password());
    }
    if (spec.roles() != null) {
      user.roles = UserAdministration.rolesColumn(spec.roles());
    }
    // updated_at is a claim (OpenID Connect Core §5.1): it moves only when the profile really changed.
    if (spec.profile().applyTo(user) || changed) {
      user.updatedAt = now.toEpochMilli();
    }
    if (created) {
      users.persist(user);
    }
    return created;
  }
}
