package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link GrantRevoker} that records each call and revokes the grant's tokens in the in-memory stores; given an
 * {@link InMemoryGrantStore}, it marks the grant itself revoked first, in the order the application layer does it.
 */
public final class InMemoryGrantRevoker implements GrantRevoker {
  private final InMemoryAccessTokenStore accessTokens;
  private final InMemoryRefreshTokenStore refreshTokens;
  private final InMemoryGrantStore grants;
  private final List<String> revokedGrants = new CopyOnWriteArrayList<>();
  private final List<Cause> causes = new CopyOnWriteArrayList<>();

  public InMemoryGrantRevoker(InMemoryAccessTokenStore accessTokens, InMemoryRefreshTokenStore refreshTokens) {
    this(accessTokens, refreshTokens, null);
  }

  /** @param grants the grant store whose grants to mark revoked too, or {@code null} for tokens only */
  public InMemoryGrantRevoker(
      InMemoryAccessTokenStore accessTokens, InMemoryRefreshTokenStore refreshTokens, InMemoryGrantStore grants) {
    this.accessTokens = accessTokens;
    this.refreshTokens = refreshTokens;
    this.grants = grants;
  }

  @Override
  public void revokeGrant(String grantId, Instant now) {
    revokeGrant(grantId, now, Cause.REPLAY);
  }

  @Override
  public void revokeGrant(String grantId, Instant now, Cause cause) {
    causes.add(cause);
    revokedGrants.add(grantId);
    if (grants != null) {
      grants.revoke(grantId);
    }
    accessTokens.revokeGrant(grantId);
    refreshTokens.revokeGrant(grantId, now);
  }

  /** Why each grant was revoked, one entry per call. */
  public List<Cause> causes() {
    return List.copyOf(causes);
  }

  /** The grant ids revoked so far, one entry per call. */
  public List<String> revokedGrants() {
    return List.copyOf(revokedGrants);
  }
}
