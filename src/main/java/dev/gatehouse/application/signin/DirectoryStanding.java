package dev.gatehouse.application.signin;

import dev.gatehouse.infrastructure.directory.DirectoryProfile;
import dev.gatehouse.infrastructure.directory.DirectoryHealth;
import dev.gatehouse.infrastructure.directory.LdapDirectory;
import dev.gatehouse.infrastructure.directory.LdapSettings;
import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.store.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.NamingException;
import dev.gatehouse.application.signin.DirectoryUsers;
import dev.gatehouse.application.signin.IdentityStoreSettings;
import dev.gatehouse.application.signin.LdapIdentityStore;

/**
 * What the directory says now about a user it signed in earlier: still there (with the roles of its groups, which are
 * written to its row with its claims), gone, or not known because the directory cannot be asked. A refresh asks at
 * every use ({@link #now}); the administration's checks ({@link #recent}) reuse an answer for up to {@code
 * GATEHOUSE_LDAP_ROLE_CACHE} (30 s by default), so that a busy console does not search the directory at every click.
 *
 * <p>The user is looked up as a sign-in looks it up, by its username with {@code GATEHOUSE_LDAP_USER_FILTER} under
 * {@code GATEHOUSE_LDAP_USER_SEARCH_BASE}, as the service account, and the entry found must carry the user's stable
 * id ({@code users.external_id}). So an entry that was deleted, moved out of the base, renamed, or no longer matches
 * the filter (an Active Directory account disabled, with the README's filter) is gone; a renamed user signs in again
 * under its new name and keeps its subject.
 *
 * <p>A directory that cannot be asked (unreachable, resting after a failure, refusing the service account) gives
 * {@link Verdict#UNKNOWN}: the callers keep the user's last known state, the row as the last answer left it. That is
 * an operator's choice for availability: a directory outage at 3 a.m. must not sign every directory user out of every
 * application, nor lock every directory administrator out of Gatehouse. Its cost: a user removed during the outage
 * keeps refreshing until the directory answers; disabling the user in Gatehouse ends that at once. The outage is
 * logged once ({@link DirectoryHealth}). A directory store that is switched off, on the other hand, can never vouch
 * for its users again: they are gone.
 */
@ApplicationScoped
public class DirectoryStanding {
  private static final SafeLog LOG = SafeLog.of(DirectoryStanding.class);
  /** The most answers kept for the administration's checks; past it, the expired go, then all. */
  static final int MAX_CACHED = 10_000;

  /** What the directory said. */
  public enum Verdict { PRESENT, GONE, UNKNOWN }

  /** The answer, with the roles of the user's groups when it is {@link Verdict#PRESENT}. */
  public record Standing(Verdict verdict, Set<String> roles) {
    static final Standing GONE = new Standing(Verdict.GONE, Set.of());
    static final Standing UNKNOWN = new Standing(Verdict.UNKNOWN, Set.of());

    public Standing {
      roles = Set.copyOf(roles);
    }

    static Standing present(Set<String> roles) {
      return new Standing(Verdict.PRESENT, roles);
    }
  }

  private record Answer(Standing standing, Instant at) {}

  @Inject IdentityStoreSettings stores;
  @Inject LdapSettings settings;
  @Inject LdapDirectory directory;
  @Inject DirectoryUsers users;
  @Inject DirectoryHealth health;
  @Inject Clock clock;

  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  /** Whether the user's row comes from the directory (and so the directory has the last word about it). */
  public static boolean fromDirectory(UserAccount user) {
    return LdapIdentityStore.STORE_ID.equals(user.source());
  }

  /**
   * Whether there is a directory store to ask: when there is none (switched off, or not configured), every user that
   * came from one is {@link Verdict#GONE}, and nobody needs to be looked up to know it.
   */
  public boolean available() {
    return configured().isPresent();
  }

  /** Asks the directory now (a refresh must not trust an answer of its own past). */
  public Standing now(UserAccount user) {
    Standing standing = ask(user);
    keep(user.subject(), standing);
    return standing;
  }

  /** The directory's answer about the user, no older than {@code GATEHOUSE_LDAP_ROLE_CACHE}. */
  public Standing recent(UserAccount user) {
    Answer answer = answers.get(user.subject());
    if (answer != null && clock.instant().isBefore(answer.at().plus(roleCache()))) {
      return answer.standing();
    }
    return now(user);
  }

  /** A sign-in has just read the user's entry and groups: the freshest answer there is. */
  public void signedIn(String subject, Set<String> roles) {
    keep(subject, Standing.present(roles));
  }

  private Optional<LdapSettings.Directory> configured() {
    return stores.enabled(LdapIdentityStore.STORE_ID) ? settings.directory() : Optional.empty();
  }

  private Duration roleCache() {
    return configured().map(LdapSettings.Directory::roleCache).orElse(Duration.ZERO);
  }

  private Standing ask(UserAccount user) {
    Optional<LdapSettings.Directory> d = configured();
    if (d.isEmpty()) {
      LOG.fine("directory user {} refused: the LDAP identity store is not configured", user.subject());
      return Standing.GONE;
    }
    if (health.resting()) {
      return Standing.UNKNOWN;
    }
    try {
      Optional<LdapDirectory.LdapEntry> entry = entryOf(d.get(), user);
      Set<String> groups = entry.isEmpty() ? Set.of() : directory.groups(d.get(), entry.get(),
          entry.get().first(d.get().usernameAttribute()).orElse(user.username()));
      health.answered();
      Optional<DirectoryProfile> profile =
          entry.flatMap(e -> DirectoryProfile.of(d.get(), e, user.username(), groups));
      if (profile.isEmpty()) {
        LOG.info("directory user '{}' (subject {}) is no longer found by {} under {}: no more tokens or"
            + " administration for it", user.username(), user.subject(), LdapSettings.USER_FILTER,
            d.get().userSearchBase());
        return Standing.GONE;
      }
      record(user, profile.get());
      return Standing.present(profile.get().roles());
    } catch (NamingException e) {
      health.failed(d.get(), e);
      return Standing.UNKNOWN;
    }
  }

  /** The one entry the user filter finds for the user's name, if it is the user's own (its stable id). */
  private Optional<LdapDirectory.LdapEntry> entryOf(LdapSettings.Directory d, UserAccount user)
      throws NamingException {
    List<LdapDirectory.LdapEntry> found = directory.findUsers(d, user.username());
    return found.size() != 1 ? Optional.empty() : found.stream()
        .filter(e -> e.first(d.idAttribute()).filter(id -> id.equalsIgnoreCase(user.externalId())).isPresent())
        .findFirst();
  }

  /** Writes the roles and claims to the row; a failure there does not change what the directory said. */
  private void record(UserAccount user, DirectoryProfile profile) {
    try {
      users.refreshed(user.subject(), profile);
    } catch (RuntimeException e) {
      LOG.warning(e, "directory user {}: its roles and claims could not be written", user.subject());
    }
  }

  private void keep(String subject, Standing standing) {
    if (standing.verdict() == Verdict.UNKNOWN || roleCache().isZero()) {
      return;
    }
    Instant now = clock.instant();
    if (answers.size() >= MAX_CACHED) {
      answers.values().removeIf(a -> !now.isBefore(a.at().plus(roleCache())));
      if (answers.size() >= MAX_CACHED) {
        answers.clear();
      }
    }
    answers.put(subject, new Answer(standing, now));
  }
}
