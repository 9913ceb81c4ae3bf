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
    AccessTokenEntity e = new AccessTokenEntity();
    e.id = token.hash();
    e.grantId = token.grantId();
    e.clientId = token.clientId();
    e.subject = token.subject();
    e.scopes = Columns.scopes(token.scopes());
    e.issuedAt = Columns.millis(token.issuedAt());
    e.expiresAt = Columns.millis(token.expiresAt());
    em.persist(e);
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
