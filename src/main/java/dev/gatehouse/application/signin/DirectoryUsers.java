package dev.gatehouse.application.signin;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.store.UserAccount;
import dev.gatehouse.protocol.store.UserStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import dev.gatehouse.infrastructure.directory.DirectoryProfile;
import dev.gatehouse.infrastructure.directory.LdapSettings;
import dev.gatehouse.application.signin.DirectoryStanding;

/**
 * Records a directory user in the users table at each successful sign-in, in one short transaction: created at the
 * first, brought up to date at every later one. The row's id is the subject identifier ({@code sub}), so sessions,
 * consents, tokens and the ID token's claims work as for any user. The row holds no password; the directory keeps
 * deciding who may sign in.
 *
 * <p>A user is found by the directory's stable id of its entry ({@code external_id}, e.g. entryUUID), never by
 * username: a renamed entry keeps its subject, and a new entry that reuses an old username does not inherit it.
 *
 * <p>Never two people in one row: when the username already belongs to another user (a database-store user, or
 * another directory entry that had the name before), the sign-in is refused and the log says so. The operator
 * resolves it by renaming or deleting one of them; Gatehouse never merges them by itself.
 */
@Stateless
public class DirectoryUsers {
  private static final SafeLog LOG = SafeLog.of(DirectoryUsers.class);

  /** A recorded user: its subject identifier, username and roles. */
  public record SignedIn(String subject, String username, Set<String> roles) {}

  @Inject UserStore users;
  @Inject Clock clock;

  /** Creates or updates the user's row; empty when the sign-in must be refused (name taken, or disabled). */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Optional<SignedIn> signedIn(DirectoryProfile profile) {
    Optional<UserAccount> mine = users.findByExternalId(LdapIdentityStore.STORE_ID, profile.externalId());
    Optional<UserAccount> named = users.findByUsername(profile.username());
    if (named.isPresent() && (mine.isEmpty() || !named.get().subject().equals(mine.get().subject()))) {
      UserAccount other = named.get();
      LOG.warning("sign-in refused: directory user '{}' ({}) has the username of another {}-store user (subject {});"
          + " Gatehouse does not merge two users: rename or delete one of them", profile.username(),
          profile.externalId(), other.source(), other.subject());
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (mine.isPresent() && mine.get().disabled()) {
      LOG.info("sign-in refused: directory user {} is disabled in Gatehouse", mine.get().subject());
      return Optional.empty();
    }
    UserAccount user;
    if (mine.isEmpty()) {
      user = apply(profile, profile.username(), UserAccount.created(UUID.randomUUID().toString(), profile.username(),
          LdapIdentityStore.STORE_ID, profile.externalId(), now), true, now);
      users.insert(user);
    } else {
      user = apply(profile, profile.username(), mine.get(), false, now);
      users.update(user);
    }
    return Optional.of(new SignedIn(user.subject(), user.username(), profile.roles()));
  }

  /**
   * Brings a recorded directory user's claims and roles up to date from its entry, read again for a refresh or an
   * administration check ({@link DirectoryStanding}). The username stays: a renamed entry is not found by its old
   * name, and the user signs in again under the new one. Writes nothing when nothing changed.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void refreshed(String subject, DirectoryProfile profile) {
    users.findById(subject).filter(DirectoryStanding::fromDirectory)
        .ifPresent(user -> users.update(apply(profile, user.username(), user, false, clock.instant())));
  }

  /**
   * The user with the entry's claims, roles and every one of its groups, and no password; {@code updated_at} moves
   * only with its claims. Past {@code GATEHOUSE_LDAP_MAX_GROUPS} groups, logs once (when the recorded groups change)
   * that the groups claim is cut, naming the subject and the counts only.
   */
  private static UserAccount apply(DirectoryProfile profile, String username, UserAccount user, boolean created,
      Instant now) {
    UserAccount.Profile before = user.profile();
    UserAccount.Profile claims = new UserAccount.Profile(profile.claim("name").orElse(null),
        profile.claim("given_name").orElse(null), profile.claim("family_name").orElse(null),
        profile.claim("email").orElse(null), before.emailVerified(), profile.claim("phone_number").orElse(null),
        before.phoneNumberVerified(), profile.claim("locale").orElse(null), profile.claim("zoneinfo").orElse(null),
        profile.address());
    if (profile.groupsCut() && !profile.groups().equals(user.groups())) {
      LOG.warning("directory user {} is in {} groups, more than {} ({}): all are recorded, its groups claim carries"
          + " the first {} by name", user.subject(), profile.groups().size(), LdapSettings.MAX_GROUPS,
          profile.maxGroups(), profile.maxGroups());
    }
    UserAccount updated = user.withUsername(username).withProfile(claims).withRoles(profile.roles())
        .withGroups(profile.groups()).withPasswordHash(null);
    // updated_at is a claim (OpenID Connect Core §5.1): it moves only when what the user's claims say changed.
    boolean changed = !user.username().equals(username) || !before.equals(claims);
    return created || changed ? updated.withUpdatedAt(now) : updated;
  }
}
