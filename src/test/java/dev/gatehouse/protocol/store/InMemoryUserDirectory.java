package dev.gatehouse.protocol.store;

import dev.gatehouse.protocol.oidc.UserClaims;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory {@link UserDirectory} that records each subject it was asked about. */
public final class InMemoryUserDirectory implements UserDirectory {
  private final Map<String, String> usernames = new ConcurrentHashMap<>();
  private final List<String> lookups = new CopyOnWriteArrayList<>();

  private final Map<String, UserClaims> claims = new ConcurrentHashMap<>();

  public InMemoryUserDirectory add(String subject, String username) {
    usernames.put(subject, username);
    return this;
  }

  /** Adds a user with OpenID Connect claims. */
  public InMemoryUserDirectory add(UserClaims user) {
    usernames.put(user.subject(), user.preferredUsername());
    claims.put(user.subject(), user);
    return this;
  }

  @Override
  public Optional<UserClaims> claims(String subject) {
    return Optional.ofNullable(claims.get(subject));
  }

  @Override
  public Optional<String> username(String subject) {
    lookups.add(subject);
    return Optional.ofNullable(usernames.get(subject));
  }

  /** The subjects looked up so far, one entry per call. */
  public List<String> lookups() {
    return List.copyOf(lookups);
  }
}
