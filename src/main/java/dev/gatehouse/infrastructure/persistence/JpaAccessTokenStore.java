package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.cache.CacheEntriesChanged;
import dev.gatehouse.infrastructure.persistence.entity.AccessTokenEntity;
import dev.gatehouse.protocol.store.AccessToken;
import dev.gatehouse.protocol.store.AccessTokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import dev.gatehouse.infrastructure.cache.AccessTokenCache;

/** Opaque access tokens, looked up by the SHA-256 of their value (the primary key), through {@link AccessTokenCache}. */
@ApplicationScoped
public class JpaAccessTokenStore implements AccessTokenStore {

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Inject AccessTokenCache cache;
  @Inject Event<CacheEntriesChanged> changes;

  @Override
  public void save(AccessToken token) {
    em.persist(Columns.grantRow(new AccessTokenEntity(), token.hash(), token.grantId(), token.clientId(),
        token.subject(), token.scopes(), token.resources(), token.issuedAt(), token.expiresAt()));
  }

  @Override
  public Optional<AccessToken> findActive(String hash, Instant now) {
    return cache.findActive(hash, now, () -> load(hash, now));
  }

  private Optional<AccessToken> load(String hash, Instant now) {
    AccessTokenEntity e = em.find(AccessTokenEntity.class, hash);
    if (e == null || e.revokedAt != null || e.expiresAt <= now.toEpochMilli()) {
      return Optional.empty();
    }
    return Optional.of(new AccessToken(
        e.id, e.grantId, e.clientId, e.subject, Columns.scopes(e.scopes), Columns.instant(e.issuedAt),
        Columns.instant(e.expiresAt), Columns.resources(e.resources)));
  }

  @Override
  public boolean revoke(String hash, Instant now) {
    boolean revoked = em.createNamedQuery("AccessToken.revoke")
            .setParameter("id", hash)
            .setParameter("now", now.toEpochMilli())
            .executeUpdate()
        == 1;
    changes.fire(CacheEntriesChanged.token(hash));
    return revoked;
  }
}
