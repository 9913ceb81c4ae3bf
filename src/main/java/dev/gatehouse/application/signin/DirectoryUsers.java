package dev.gatehouse.application.signin;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.infrastructure.persistence.JpaUserStore;
import dev.gatehouse.infrastructure.persistence.entity.UserEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import dev.gatehouse.infrastructure.directory.DirectoryProfile;
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

  @Inject JpaUserStore users;
  @Inject Clock clock;

  /** Creates or updates the user's row; empty when the sign-in must be refused (name taken, or disabled). */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Optional<SignedIn> signedIn(DirectoryProfile profile) {
    Optional<UserEntity> mine = users.findByExternalId(LdapIdentityStore.STORE_ID, profile.externalId());
    Optional<UserEntity> named = users.findByUsername(profile.username());
    if (named.isPresent() && (mine.isEmpty() || !named.get().id.equals(mine.get().id))) {
      UserEntity other = named.get();
      LOG.warning("sign-in refused: directory user '{}' ({}) has the username of another {}-store user (subject {});"
          + " Gatehouse does not merge two users: rename or delete one of them", profile.username(),
          profile.externalId(), other.source, other.id);
      return Optional.empty();
    }
    long now = clock.millis();
    UserEntity user = mine.orElseGet(() -> {
      UserEntity u = new UserEntity();
      u.id = UUID.randomUUID().toString();
      u.source = LdapIdentityStore.STORE_ID;
      u.externalId = profile.externalId();
      u.createdAt = now;
      return u;
    });
    if (user.disabled) {
      LOG.info("sign-in refused: directory user {} is disabled in Gatehouse", user.id);
      return Optional.empty();
    }
    apply(profile, profile.username(), user, mine.isEmpty(), now);
    if (mine.isEmpty()) {
      users.persist(user);
    }
    return Optional.of(new SignedIn(user.id, user.username, profile.roles()));
  }

  /**
   * Brings a recorded directory user's claims and roles up to date from its entry, read again for a refresh or an
   * administration check ({@link DirectoryStanding}). The username stays: a renamed entry is not found by its old
   * name, and the user signs in again under the new one. Writes nothing when nothing changed.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void refreshed(String subject, DirectoryProfile profile) {
    users.findById(subject).filter(DirectoryStanding::fromDirectory)
        .ifPresent(user -> apply(profile, user.username, user, false, clock.millis()));
  }

  private static void apply(DirectoryProfile profile, String username, UserEntity user, boolean created, long now) {
    List<Object> before = snapshot(user);
    user.username = username;
    user.name = profile.claim("name").orElse(null);
    user.givenName = profile.claim("given_name").orElse(null);
    user.familyName = profile.claim("family_name").orElse(null);
    user.email = profile.claim("email").orElse(null);
    user.phoneNumber = profile.claim("phone_number").orElse(null);
    user.locale = profile.claim("locale").orElse(null);
    user.zoneinfo = profile.claim("zoneinfo").orElse(null);
    user.address = JpaUserStore.addressColumn(profile.address());
    user.roles = String.join(" ", new java.util.TreeSet<>(profile.roles()));
    user.passwordHash = null;
    // updated_at is a claim (OpenID Connect Core §5.1): it moves only when what the user's claims say changed.
    if (created || !before.equals(snapshot(user))) {
      user.updatedAt = now;
    }
  }

  private static List<Object> snapshot(UserEntity u) {
    return Arrays.asList(u.username, u.name, u.givenName, u.familyName, u.email, u.phoneNumber, u.locale,
        u.zoneinfo, u.address);
  }
}
