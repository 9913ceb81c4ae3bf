package dev.gatehouse.protocol.store;

import dev.gatehouse.protocol.client.AccessPolicy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

/**
 * A user as {@link UserStore} keeps it: of the built-in database identity store (the password only as a PBKDF2 hash),
 * or of a directory, recorded at first sign-in (no password). Immutable: a change is a new record handed to {@link
 * UserStore#update}.
 *
 * @param subject the stable subject identifier ({@code sub}): a UUID that never changes, unlike the username
 * @param source the identity store the user comes from: {@code database} (the built-in store) or a directory's name
 * @param externalId the source store's stable identifier of the user (e.g. LDAP entryUUID); null for the built-in
 *     store
 * @param passwordHash the password's hash, or null (a directory user has none)
 * @param roles role names, e.g. {@code gatehouse-admin}
 * @param disabled a disabled user may not sign in, refresh or administer
 * @param updatedAt when the user's claims last changed: itself a claim (OpenID Connect Core §5.1)
 * @param groups the names of a directory user's groups as its directory last gave them (the groups its roles are
 *     mapped from), for clients' access policies; none for a user of the built-in store
 */
public record UserAccount(String subject, String username, String source, String externalId, String passwordHash,
    Set<String> roles, boolean disabled, Profile profile, Instant createdAt, Instant updatedAt, Set<String> groups) {

  /**
   * The user's standard claims (OpenID Connect Core §5.1); absent ones are null, the address members (§5.1.1) may be
   * empty.
   */
  public record Profile(String name, String givenName, String familyName, String email, boolean emailVerified,
      String phoneNumber, boolean phoneNumberVerified, String locale, String zoneinfo, Map<String, String> address) {

    /** No claims at all. */
    public static final Profile NONE = new Profile(null, null, null, null, false, null, false, null, null, Map.of());

    public Profile {
      address = address == null ? Map.of() : Map.copyOf(address);
    }
  }

  /** Times are kept to the millisecond, as the store keeps them. */
  public UserAccount {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    groups = groups == null ? Set.of() : Set.copyOf(groups);
    profile = profile == null ? Profile.NONE : profile;
    createdAt = createdAt == null ? null : createdAt.truncatedTo(ChronoUnit.MILLIS);
    updatedAt = updatedAt == null ? null : updatedAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /** A user without directory groups. */
  public UserAccount(String subject, String username, String source, String externalId, String passwordHash,
      Set<String> roles, boolean disabled, Profile profile, Instant createdAt, Instant updatedAt) {
    this(subject, username, source, externalId, passwordHash, roles, disabled, profile, createdAt, updatedAt,
        Set.of());
  }

  /** A new user: created and updated now, enabled, with no roles and no claims until given some. */
  public static UserAccount created(String subject, String username, String source, String externalId,
      Instant now) {
    return new UserAccount(subject, username, source, externalId, null, Set.of(), false, Profile.NONE, now, now,
        Set.of());
  }

  public UserAccount withUsername(String username) {
    return new UserAccount(subject, username, source, externalId, passwordHash, roles, disabled, profile, createdAt,
        updatedAt, groups);
  }

  public UserAccount withPasswordHash(String passwordHash) {
    return new UserAccount(subject, username, source, externalId, passwordHash, roles, disabled, profile, createdAt,
        updatedAt, groups);
  }

  public UserAccount withRoles(Set<String> roles) {
    return new UserAccount(subject, username, source, externalId, passwordHash, roles, disabled, profile, createdAt,
        updatedAt, groups);
  }

  public UserAccount withGroups(Set<String> groups) {
    return new UserAccount(subject, username, source, externalId, passwordHash, roles, disabled, profile, createdAt,
        updatedAt, groups);
  }

  public UserAccount withDisabled(boolean disabled) {
    return new UserAccount(subject, username, source, externalId, passwordHash, roles, disabled, profile, createdAt,
        updatedAt, groups);
  }

  public UserAccount withProfile(Profile profile) {
    return new UserAccount(subject, username, source, externalId, passwordHash, roles, disabled, profile, createdAt,
        updatedAt, groups);
  }

  public UserAccount withUpdatedAt(Instant updatedAt) {
    return new UserAccount(subject, username, source, externalId, passwordHash, roles, disabled, profile, createdAt,
        updatedAt, groups);
  }

  /** What a client's access policy looks at: the user's roles and directory groups. */
  public AccessPolicy.Member member() {
    return new AccessPolicy.Member(roles, groups);
  }

  /** Never the password hash. */
  @Override
  public String toString() {
    return "UserAccount[" + subject + ", " + username + ", " + source + (disabled ? ", disabled" : "") + "]";
  }
}
