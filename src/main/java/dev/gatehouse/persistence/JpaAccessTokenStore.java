package dev.gatehouse.persistence;

import dev.gatehouse.persistence.entity.AccessTokenEntity;
import dev.gatehouse.protocol.store.AccessToken;
import dev.gatehouse.protocol.store.AccessTokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** Opaque access tokens, looked up by the SHA-256 of their value (the primary key). */
@ApplicationScoped
public class JpaAccessTokenStore implements AccessTokenStore {

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Override
  public void save(AccessToken token) {
    em.persist(Columns.grantRow(new AccessTokenEntity(), token.hash(), token.grantId(), token.clientId(),
        token.subject(), token.scopes(), token.issuedAt(), token.expiresAt()));
  }

  @Override
  public Optional<AccessToken> findActive(String hash, Instant now) {
    AccessTokenEntity e = em.find(AccessTokenEntity.class, hash);
    if (e == null || e.revokedAt != null || e.expiresAt <= now.toEpochMilli()) {
      return Optional.empty();
    }
    return Optional.of(new AccessToken(
        e.id, e.grantId, e.clientId, e.subject, Columns.scopes(e.scopes), Columns.instant(e.issuedAt),
        Columns.instant(e.expiresAt)));
  }
}
