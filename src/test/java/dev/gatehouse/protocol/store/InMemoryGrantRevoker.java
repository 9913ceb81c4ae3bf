package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link GrantRevoker} that records each call and revokes the grant's tokens in the in-memory stores. */
public final class InMemoryGrantRevoker implements GrantRevoker {
  private final InMemoryAccessTokenStore accessTokens;
  private final InMemoryRefreshTokenStore refreshTokens;
  private final List<String> revokedGrants = new CopyOnWriteArrayList<>();

  public InMemoryGrantRevoker(InMemoryAccessTokenStore accessTokens, InMemoryRefreshTokenStore refreshTokens) {
    this.accessTokens = accessTokens;
    this.refreshTokens = refreshTokens;
  }

  @Override
  public void revokeGrant(String grantId, Instant now) {
    revokedGrants.add(grantId);
    accessTokens.revokeGrant(grantId);
    refreshTokens.revokeGrant(grantId, now);
  }

  /** The grant ids revoked so far, one entry per call. */
  public List<String> revokedGrants() {
    return List.copyOf(revokedGrants);
  }
}
