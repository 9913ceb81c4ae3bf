package dev.gatehouse.application.lifecycle;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.store.ClientRegistry;
import dev.gatehouse.protocol.store.UserAccount;
import dev.gatehouse.protocol.store.UserStore;
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
import dev.gatehouse.protocol.admin.UserSpec;

/**
 * Applies the bootstrap content idempotently, in one transaction: clients are inserted or replaced; users are
 * created, or their name, email and (when it no longer verifies) password are updated. A user keeps its subject
 * identifier across restarts.
 */
@Stateless
public class BootstrapService {

  private static final SafeLog LOG = SafeLog.of(BootstrapService.class);

  @Inject ClientRegistry clients;
  @Inject UserStore users;
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
    UserAccount found = users.findByUsername(spec.username()).orElse(null);
    if (found != null && !DatabaseIdentityStore.STORE_ID.equals(found.source())) {
      // Never give a directory user a second password or overwrite the claims its directory owns.
      throw new IllegalStateException("Bootstrap file user '" + spec.username() + "' is already a user of the "
          + found.source() + " identity store; rename it in the file, or delete the directory user's row first");
    }
    boolean created = found == null;
    UserAccount before = created
        ? UserAccount.created(UUID.randomUUID().toString(), spec.username(), DatabaseIdentityStore.STORE_ID, null,
            now)
        : found;
    boolean changed = created || !passwords.verify(spec.password(), before.passwordHash());
    UserAccount user = changed ? before.withPasswordHash(passwords.hash(spec.password())) : before;
    if (spec.roles() != null) {
      user = user.withRoles(spec.roles());
    }
    user = user.withProfile(spec.profile().stored());
    // updated_at is a claim (OpenID Connect Core §5.1): it moves only when the profile really changed.
    if (!user.profile().equals(before.profile()) || changed) {
      user = user.withUpdatedAt(now);
    }
    if (created) {
      users.insert(user);
    } else {
      users.update(user);
    }
    return created;
  }
}
