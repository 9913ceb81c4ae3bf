package dev.gatehouse.protocol.store;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link ConsentStore}: grants accumulate per (subject, client). */
public final class InMemoryConsentStore implements ConsentStore {
  private final Map<String, Set<String>> granted = new ConcurrentHashMap<>();

  @Override
  public Optional<Set<String>> consent(String subject, String clientId) {
    return Optional.ofNullable(granted.get(key(subject, clientId))).map(Collections::unmodifiableSet);
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
