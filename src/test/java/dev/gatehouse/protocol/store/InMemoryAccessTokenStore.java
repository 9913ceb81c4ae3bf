package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link AccessTokenStore}; revocation is by grant, as the application layer does it. */
public final class InMemoryAccessTokenStore implements AccessTokenStore {
  private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
  private final Set<String> revokedGrants = ConcurrentHashMap.newKeySet();

  @Override
  public void save(AccessToken token) {
    tokens.put(token.hash(), token);
  }

  @Override
  public Optional<AccessToken> findActive(String hash, Instant now) {
    return Optional.ofNullable(tokens.get(hash))
        .filter(token -> !revokedGrants.contains(token.grantId()))
        .filter(token -> !token.isExpiredAt(now));
  }

  public void revokeGrant(String grantId) {
    revokedGrants.add(grantId);
  }

  /** Every stored token, for assertions. */
  public List<AccessToken> all() {
    return new ArrayList<>(tokens.values());
  }
}
