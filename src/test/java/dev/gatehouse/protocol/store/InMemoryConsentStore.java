package dev.gatehouse.protocol.store;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link ConsentStore}: grants accumulate per (subject, client). */
public final class InMemoryConsentStore implements ConsentStore {
  private final Map<String, Set<String>> granted = new ConcurrentHashMap<>();

  @Override
  public Set<String> grantedScopes(String subject, String clientId) {
    return Collections.unmodifiableSet(granted.getOrDefault(key(subject, clientId), Set.of()));
  }

  @Override
  public void grant(String subject, String clientId, Set<String> scopes) {
    granted.merge(
        key(subject, clientId),
        new HashSet<>(scopes),
        (old, added) -> {
          Set<String> union = new HashSet<>(old);
          union.addAll(added);
          return union;
        });
  }

  private static String key(String subject, String clientId) {
    return subject + '\u0000' + clientId;
  }
}
