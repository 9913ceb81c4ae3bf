package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory {@link AccessTokenStore}. Revocation is by grant, as the application layer does it, or of one token, as
 * the revocation endpoint does it; {@link #revoke} is atomic like the conditional UPDATE.
 */
public final class InMemoryAccessTokenStore implements AccessTokenStore {
  private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
  private final Set<String> revokedGrants = ConcurrentHashMap.newKeySet();
  private final Map<String, Instant> revokedTokens = new ConcurrentHashMap<>();

  @Override
  public void save(AccessToken token) {
    tokens.put(token.hash(), token);
  }

  @Override
  public Optional<AccessToken> findActive(String hash, Instant now) {
    return Optional.ofNullable(tokens.get(hash))
        .filter(token -> !revokedGrants.contains(token.grantId()))
        .filter(token -> !revokedTokens.containsKey(token.hash()))
        .filter(token -> !token.isExpiredAt(now));
  }

  @Override
  public boolean revoke(String hash, Instant now) {
    AccessToken token = tokens.get(hash);
    if (token == null || revokedGrants.contains(token.grantId())) {
      return false;
    }
    return revokedTokens.putIfAbsent(hash, now) == null;
  }

  public void revokeGrant(String grantId) {
    revokedGrants.add(grantId);
  }

  /** When {@link #revoke} revoked the token with this hash; empty when it did not (grant revocation not included). */
  public Optional<Instant> revokedAt(String hash) {
    return Optional.ofNullable(revokedTokens.get(hash));
  }

  /** Every stored token, for assertions. */
  public List<AccessToken> all() {
    return new ArrayList<>(tokens.values());
  }
}
