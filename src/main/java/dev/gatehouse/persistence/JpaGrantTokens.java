package dev.gatehouse.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Revokes every access and refresh token of a grant. It touches token rows only, never the code row: on a code replay
 * the caller's own transaction holds that row's lock.
 */
@ApplicationScoped
public class JpaGrantTokens {

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  /** Marks the grant's tokens revoked; returns how many rows changed. */
  public int revokeGrant(String grantId, Instant now) {
    int access = em.createNamedQuery("AccessToken.revokeGrant")
        .setParameter("grantId", grantId)
        .setParameter("now", now.toEpochMilli())
        .executeUpdate();
    int refresh = em.createNamedQuery("RefreshToken.revokeGrant")
        .setParameter("grantId", grantId)
        .setParameter("now", now.toEpochMilli())
        .executeUpdate();
    return access + refresh;
  }
}
