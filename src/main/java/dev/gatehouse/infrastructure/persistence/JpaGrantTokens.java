package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.cache.CacheEntriesChanged;
import dev.gatehouse.infrastructure.persistence.entity.GrantEntity;
import dev.gatehouse.protocol.store.GrantTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Revokes tokens in bulk: every access and refresh token of a grant, of a user, or of a client.
 *
 * <p>The grant rows are revoked (and so locked) FIRST, then the tokens: a refresh holds its grant's row lock from its
 * first step to its commit ({@link JpaGrantStore#holdActive}), so a revocation either waits for that refresh and then
 * revokes the tokens it issued, or goes first and makes the refresh fail. One lock order, no deadlock. The token
 * updates match on the indexed grant, subject or client column alone ({@code COALESCE} keeps an earlier
 * {@code revoked_at}). A revocation also ends the row ({@code expires_at} = the revocation time), which is how the
 * purge finds revoked rows: there is no {@code revoked_at} index to lure a single-row update into locking index
 * entries in another order than this one (that deadlocked). Code rows are never touched.
 */
@ApplicationScoped
public class JpaGrantTokens implements GrantTokens {

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Inject Event<CacheEntriesChanged> changes;

  /** Revokes the grant and every one of its tokens; returns how many token rows it matched. */
  @Override
  public int revokeGrant(String grantId, Instant now) {
    em.createNamedQuery("Grant.revoke")
        .setParameter("id", grantId)
        .setParameter("now", now.toEpochMilli())
        .executeUpdate();
    return revokeTokensWhere("grantId", grantId, now);
  }

  /** The user a grant belongs to, if the grant is known and has one (a client_credentials grant has none). */
  @Override
  public Optional<String> subjectOf(String grantId) {
    return Optional.ofNullable(em.find(GrantEntity.class, grantId)).map(g -> g.subject);
  }

  /**
   * Revokes the grants made in an SSO session, and their tokens, except those the user gave {@code offline_access}:
   * OpenID Connect Core §11 makes those the grants meant to outlive the sign-in. Returns how many token rows it
   * matched.
   */
  @Override
  public int revokeSession(String sid, Instant now) {
    int total = 0;
    for (GrantEntity grant : em.createQuery(
            "SELECT g FROM GrantEntity g WHERE g.sessionId = :sid AND g.revokedAt IS NULL", GrantEntity.class)
        .setParameter("sid", sid).getResultList()) {
      if (!Columns.scopes(grant.scopes).contains("offline_access")) {
        total += revokeGrant(grant.id, now);
      }
    }
    return total;
  }

  /** Marks every token of the user (the subject) revoked; returns how many rows changed. */
  @Override
  public int revokeSubject(String subject, Instant now) {
    return revokeWhere("subject", subject, now);
  }

  /** Marks every token issued to the client revoked; returns how many rows changed. */
  @Override
  public int revokeClient(String clientId, Instant now) {
    return revokeWhere("clientId", clientId, now);
  }

  private int revokeWhere(String field, String value, Instant now) {
    em.createQuery("UPDATE GrantEntity g SET g.revokedAt = COALESCE(g.revokedAt, :now), g.expiresAt = :now"
            + " WHERE g." + field + " = :value")
        .setParameter("now", now.toEpochMilli())
        .setParameter("value", value)
        .executeUpdate();
    return revokeTokensWhere(field, value, now);
  }

  private int revokeTokensWhere(String field, String value, Instant now) {
    int total = 0;
    for (String entity : new String[] {"RefreshTokenEntity", "AccessTokenEntity"}) {
      total += em.createQuery("UPDATE " + entity + " t SET t.revokedAt = COALESCE(t.revokedAt, :now),"
              + " t.expiresAt = :now WHERE t." + field + " = :value")
          .setParameter("now", now.toEpochMilli())
          .setParameter("value", value)
          .executeUpdate();
    }
    if (total > 0) {
      changes.fire(CacheEntriesChanged.allTokens());
    }
    return total;
  }
}
