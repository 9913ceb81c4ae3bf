package dev.gatehouse.application.oauth;

import dev.gatehouse.protocol.store.GrantRevoker;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The token endpoint's {@link GrantRevoker}: it only remembers which grants the request condemned, and why (a
 * replayed code or a reused refresh token; a refresh of a grant whose user or session is no longer active). {@link
 * TokenEndpoint} revokes them once the request's own transaction has ended (it rolls back with {@code invalid_grant}),
 * so the revocation survives that rollback and the request never holds two pooled connections at once, which a
 * REQUIRES_NEW transaction nested inside the first would.
 */
@RequestScoped
public class DeferredGrantRevoker implements GrantRevoker {

  /** A grant to revoke, as of {@code at}, for {@code cause}; {@code subject} is known for an access-policy refusal. */
  record Condemned(String grantId, Instant at, Cause cause, String subject) {
    Condemned(String grantId, Instant at, Cause cause) {
      this(grantId, at, cause, null);
    }
  }

  private final Map<String, Condemned> condemned = new LinkedHashMap<>();

  @Override
  public void revokeGrant(String grantId, Instant now) {
    revokeGrant(grantId, now, Cause.REPLAY);
  }

  @Override
  public void revokeGrant(String grantId, Instant now, Cause cause) {
    condemned.putIfAbsent(grantId, new Condemned(grantId, now, cause));
  }

  /** A refusal by the client's access policy is remembered with its user, for the audit trail. */
  @Override
  public void refusedByPolicy(String grantId, String subject, Instant now) {
    condemned.putIfAbsent(grantId, new Condemned(grantId, now, Cause.ACCESS_POLICY, subject));
  }

  /** The grants to revoke, cleared as it returns them. */
  List<Condemned> drain() {
    List<Condemned> copy = new ArrayList<>(condemned.values());
    condemned.clear();
    return copy;
  }
}
