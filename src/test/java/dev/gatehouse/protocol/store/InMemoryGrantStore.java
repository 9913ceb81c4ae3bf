package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * In-memory {@link GrantStore}. {@link #holdActive} is atomic (synchronized), like the conditional UPDATE; there are no
 * transactions here, so the lock it stands for ends with the call.
 */
public final class InMemoryGrantStore implements GrantStore {
  private final Map<String, StoredGrant> grants = new HashMap<>();

  /** A grant as recorded, for assertions. */
  public record StoredGrant(
      String grantId,
      String clientId,
      String subject,
      Set<String> scopes,
      Instant openedAt,
      Instant expiresAt,
      boolean revoked,
      String sessionId) {

    StoredGrant withExpiry(Instant newExpiresAt) {
      return new StoredGrant(grantId, clientId, subject, scopes, openedAt, newExpiresAt, revoked, sessionId);
    }

    StoredGrant asRevoked() {
      return new StoredGrant(grantId, clientId, subject, scopes, openedAt, expiresAt, true, sessionId);
    }
  }

  @Override
  public synchronized void open(
      String grantId, String clientId, String subject, Set<String> scopes, Instant now, Instant expiresAt,
      String sessionId) {
    StoredGrant grant =
        new StoredGrant(grantId, clientId, subject, Set.copyOf(scopes), now, expiresAt, false, sessionId);
    if (grants.putIfAbsent(grantId, grant) != null) {
      throw new IllegalStateException("grant already open (the primary key would refuse it): " + grantId);
    }
  }

  @Override
  public synchronized boolean holdActive(String grantId, Instant expiresAt) {
    StoredGrant g = grants.get(grantId);
    if (g == null || g.revoked()) {
      return false;
    }
    grants.put(grantId, g.withExpiry(expiresAt));
    return true;
  }

  @Override
  public synchronized Optional<String> sessionOf(String grantId) {
    return Optional.ofNullable(grants.get(grantId)).map(StoredGrant::sessionId);
  }

  /** Marks the grant revoked, as a revocation's first UPDATE does; an unknown grant is left unknown. */
  public synchronized void revoke(String grantId) {
    grants.computeIfPresent(grantId, (id, g) -> g.asRevoked());
  }

  /** The grant with this id, or empty when it was never opened. */
  public synchronized Optional<StoredGrant> find(String grantId) {
    return Optional.ofNullable(grants.get(grantId));
  }

  /** How many grants were opened. */
  public synchronized int size() {
    return grants.size();
  }
}
