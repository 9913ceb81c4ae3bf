package dev.gatehouse.protocol.store;

import dev.gatehouse.protocol.oidc.UserClaims;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * In-memory {@link UserStore} for unit tests: the users by subject, in insertion order. Like the JPA store it refuses
 * an update of a user it does not have and an insert of one it has; it counts lookups by username.
 */
public class InMemoryUserStore implements UserStore {
  /** The stored users by subject; a test may read them, or put one in place. */
  public final Map<String, UserAccount> rows = new LinkedHashMap<>();

  /** How many times {@link #findByUsername} was called. */
  public int usernameLookups;

  /** The stored user; fails when there is none. */
  public UserAccount get(String subject) {
    return findById(subject).orElseThrow(() -> new AssertionError("no user " + subject));
  }

  /** Puts the user in place, whether it was there or not. */
  public InMemoryUserStore put(UserAccount user) {
    rows.put(user.subject(), user);
    return this;
  }

  @Override
  public Optional<UserAccount> findById(String subject) {
    return Optional.ofNullable(rows.get(subject));
  }

  @Override
  public Optional<UserAccount> findByUsername(String username) {
    usernameLookups++;
    return rows.values().stream().filter(u -> u.username().equals(username)).findFirst();
  }

  @Override
  public Optional<UserAccount> findByExternalId(String source, String externalId) {
    return rows.values().stream()
        .filter(u -> u.source().equals(source) && Objects.equals(u.externalId(), externalId)).findFirst();
  }

  @Override
  public void insert(UserAccount user) {
    if (rows.putIfAbsent(user.subject(), user) != null) {
      throw new IllegalStateException("duplicate subject " + user.subject());
    }
  }

  @Override
  public void update(UserAccount user) {
    if (rows.replace(user.subject(), user) == null) {
      throw new IllegalStateException("no user with subject " + user.subject());
    }
  }

  @Override
  public Optional<String> username(String subject) {
    return findById(subject).map(UserAccount::username);
  }

  @Override
  public Optional<UserClaims> claims(String subject) {
    return Optional.empty();
  }
}
