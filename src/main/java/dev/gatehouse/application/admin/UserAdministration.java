package dev.gatehouse.application.admin;

import dev.gatehouse.protocol.admin.AdminActor;
import dev.gatehouse.protocol.admin.UserRules;
import dev.gatehouse.protocol.error.FieldProblem;
import dev.gatehouse.protocol.error.InvalidFieldsException;
import dev.gatehouse.protocol.store.AdministrationStore;
import dev.gatehouse.protocol.store.UserAccount;
import dev.gatehouse.protocol.store.UserStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import dev.gatehouse.application.signin.DatabaseIdentityStore;
import dev.gatehouse.application.signin.DirectoryUsers;
import dev.gatehouse.application.oauth.GrantRevocationService;
import dev.gatehouse.application.session.LogoutAfterCommit;
import dev.gatehouse.application.signin.PasswordHashing;
import dev.gatehouse.application.oauth.RefreshingUsers;
import dev.gatehouse.application.session.SessionService;
import dev.gatehouse.protocol.admin.UserProfile;
import dev.gatehouse.protocol.admin.UserSpec;

/**
 * Users, for the administration: every user is listed; users of the built-in store are created, changed and given a
 * password (PBKDF2 at the configured cost: {@link PasswordHashing}); and any user, a directory's included, is disabled
 * and enabled. A directory user's claims, roles and password belong to its directory, which is their source of truth,
 * so they are not changed here; but whether it may use Gatehouse at all is Gatehouse's to decide, so that an operator
 * can stop a user at once without waiting for the directory's administrators. Disabling a user also ends its SSO
 * sessions and revokes every token it holds, in the same transaction. Every change is recorded through {@link
 * AdminChanges}.
 */
@Stateless
public class UserAdministration {

  /** The longest search text: a search is a substring match, and this is longer than any column it looks at. */
  public static final int MAX_QUERY = 254;

  @Inject UserStore users;
  @Inject AdministrationStore admin;
  @Inject PasswordHashing passwords;
  @Inject SessionService sessions;
  @Inject GrantRevocationService revocation;
  @Inject Event<LogoutAfterCommit.SessionsEnded> sessionsEnded;
  @Inject AdminChanges changes;
  @Inject Clock clock;

  /** Users whose username, name or email contains {@code query} (any case); all users for an empty one. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Paging.Page<AdminUser> list(String query, Paging paging) {
    String q = query == null ? "" : query.strip();
    if (q.length() > MAX_QUERY) {
      throw new InvalidFieldsException("q", "is longer than " + MAX_QUERY + " characters");
    }
    List<AdminUser> found = admin.users(q, paging.offset(), paging.limit()).stream().map(AdminUser::of).toList();
    return paging.page(found, admin.userCount(q));
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<AdminUser> get(String subject) {
    return users.findById(subject).map(AdminUser::of);
  }

  /**
   * Creates a user of the built-in store.
   *
   * @throws InvalidFieldsException listing every bad field
   * @throws AdministrationException CONFLICT when the username is taken
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public AdminUser create(AdminActor actor, UserSpec spec) {
    List<FieldProblem> problems = spec.problems();
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(problems);
    }
    if (users.findByUsername(spec.username()).isPresent()) {
      throw new AdministrationException(AdministrationException.Kind.CONFLICT, "username",
          "username '" + spec.username() + "' is taken");
    }
    Instant now = clock.instant();
    UserAccount user = UserAccount.created(UUID.randomUUID().toString(), spec.username(),
            DatabaseIdentityStore.STORE_ID, null, now)
        .withPasswordHash(passwords.hash(spec.password()))
        .withRoles(spec.roles() == null ? Set.of() : spec.roles())
        .withProfile(spec.profile().stored());
    users.insert(user);
    changes.record(actor, "user.create", target(user));
    return AdminUser.of(user);
  }

  /** Replaces a database user's profile claims, and its roles unless {@code roles} is null. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public AdminUser update(AdminActor actor, String subject, UserProfile profile, Set<String> roles) {
    List<FieldProblem> problems = new ArrayList<>(profile.problems());
    if (roles != null) {
      problems.addAll(UserRules.roles(roles));
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(problems);
    }
    UserAccount before = editable(subject);
    UserAccount user = before.withProfile(profile.stored());
    if (roles != null) {
      user = user.withRoles(roles);
    }
    if (!user.profile().equals(before.profile())) {
      // a claim (OpenID Connect Core §5.1): moves only when the profile changed
      user = user.withUpdatedAt(clock.instant());
    }
    users.update(user);
    changes.record(actor, "user.update", target(user));
    return AdminUser.of(user);
  }

  /**
   * Disables a user of any store: it can no longer sign in ({@link DatabaseIdentityStore}, {@link DirectoryUsers}),
   * refresh ({@link RefreshingUsers}) or administer ({@link AdminAuthorization}), its SSO sessions end (their clients
   * are told by back-channel logout once this commits) and every token it holds is revoked.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public AdminUser disable(AdminActor actor, String subject) {
    UserAccount user = found(subject).withDisabled(true);
    users.update(user);
    int ended = sessions.endAll(subject);
    int revoked = revocation.revokeUser(subject, clock.instant());
    sessionsEnded.fire(new LogoutAfterCommit.SessionsEnded(ended));
    changes.record(actor, "user.disable", target(user) + " sessions_ended=" + ended + " tokens_revoked=" + revoked);
    return AdminUser.of(user);
  }

  /** Enables a user of any store again; a directory user still needs its directory to sign in. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public AdminUser enable(AdminActor actor, String subject) {
    UserAccount user = found(subject).withDisabled(false);
    users.update(user);
    changes.record(actor, "user.enable", target(user));
    return AdminUser.of(user);
  }

  /** Sets a database user's password; the password is never logged or returned. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void setPassword(AdminActor actor, String subject, String password) {
    List<FieldProblem> problems = UserRules.password(password);
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(problems);
    }
    UserAccount user = editable(subject).withPasswordHash(passwords.hash(password));
    users.update(user);
    changes.record(actor, "user.set_password", target(user));
  }

  private UserAccount found(String subject) {
    return users.findById(subject).orElseThrow(() -> AdministrationException.notFound("user '" + subject + "'"));
  }

  /** A user whose claims, roles and password are Gatehouse's: one of the built-in store. */
  private UserAccount editable(String subject) {
    UserAccount user = found(subject);
    if (!DatabaseIdentityStore.STORE_ID.equals(user.source())) {
      throw new AdministrationException(AdministrationException.Kind.CONFLICT, null,
          "user '" + user.username() + "' comes from the directory '" + user.source() + "' and is changed there");
    }
    return user;
  }

  private static String target(UserAccount user) {
    return "user:" + user.subject();
  }
}
