package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory {@link RefreshTokenStore}; {@link #markRotated} is atomic (synchronized), like the conditional UPDATE. */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {
  private final Map<String, RefreshToken> tokens = new HashMap<>();

  @Override
  public synchronized void save(RefreshToken token) {
    tokens.put(token.hash(), token);
  }

  @Override
  public synchronized Optional<RefreshToken> find(String hash) {
    return Optional.ofNullable(tokens.get(hash));
  }

  @Override
  public synchronized boolean markRotated(String hash, Instant now) {
    RefreshToken t = tokens.get(hash);
    if (t == null || t.rotatedAt() != null || t.revokedAt() != null) {
      return false;
    }
    tokens.put(hash, copy(t, now, null));
    return true;
  }

  /** Sets revoked_at on every not yet revoked token of the grant. */
  public synchronized void revokeGrant(String grantId, Instant now) {
    tokens.replaceAll(
        (hash, t) -> t.grantId().equals(grantId) && t.revokedAt() == null ? copy(t, t.rotatedAt(), now) : t);
  }

  /** Every stored token, for assertions. */
  public synchronized List<RefreshToken> all() {
    return new ArrayList<>(tokens.values());
  }

  private static RefreshToken copy(RefreshToken t, Instant rotatedAt, Instant revokedAt) {
    return new RefreshToken(
        t.hash(),
        t.grantId(),
        t.clientId(),
        t.subject(),
        t.scopes(),
        t.authTime(),
        t.issuedAt(),
        t.expiresAt(),
        rotatedAt,
        revokedAt,
        t.resources());
  }
}
