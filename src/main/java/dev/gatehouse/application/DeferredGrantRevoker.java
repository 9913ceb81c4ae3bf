package dev.gatehouse.application;

import dev.gatehouse.protocol.store.GrantRevoker;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token endpoint's {@link GrantRevoker}: it only remembers which grants a replayed code or a reused refresh token
 * condemned. {@link TokenEndpoint} revokes them once the request's own transaction has ended (it rolls back with
 * {@code invalid_grant}), so the revocation survives that rollback and the request never holds two pooled
 * connections at once, which a REQUIRES_NEW transaction nested inside the first would.
 */
@RequestScoped
public class DeferredGrantRevoker implements GrantRevoker {

  private final Map<String, Instant> condemned = new LinkedHashMap<>();

  @Override
  public void revokeGrant(String grantId, Instant now) {
    condemned.putIfAbsent(grantId, now);
  }

  /** The grants to revoke, cleared as it returns them. */
  Map<String, Instant> drain() {
    Map<String, Instant> copy = new LinkedHashMap<>(condemned);
    condemned.clear();
    return copy;
  }
}
