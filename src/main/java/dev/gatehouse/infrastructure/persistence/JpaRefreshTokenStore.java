package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.persistence.entity.RefreshTokenEntity;
import dev.gatehouse.protocol.store.RefreshToken;
import dev.gatehouse.protocol.store.RefreshTokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Refresh tokens. {@link #markRotated} is a conditional update, so of two concurrent uses of one rotating token only
 * one can rotate it.
 */
@ApplicationScoped
public class JpaRefreshTokenStore implements RefreshTokenStore {

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Override
  public void save(RefreshToken token) {
    RefreshTokenEntity e = Columns.grantRow(new RefreshTokenEntity(), token.hash(), token.grantId(),
        token.clientId(), token.subject(), token.scopes(), token.resources(), token.issuedAt(), token.expiresAt());
    e.authTime = Columns.millisOrNull(token.authTime());
    e.rotatedAt = Columns.millisOrNull(token.rotatedAt());
    e.revokedAt = Columns.millisOrNull(token.revokedAt());
    em.persist(e);
  }

  @Override
  public Optional<RefreshToken> find(String hash) {
    // Always from the database, never the persistence context's copy: the refresh grant reads the token again once it
    // holds the grant's lock, and must see a rotation or revocation that committed meanwhile.
    RefreshTokenEntity e = em.createNamedQuery("RefreshToken.byId", RefreshTokenEntity.class)
        .setParameter("id", hash)
        .setHint("eclipselink.refresh", "true")
        .getResultStream()
        .findFirst()
        .orElse(null);
    if (e == null) {
      return Optional.empty();
    }
    return Optional.of(new RefreshToken(
        e.id, e.grantId, e.clientId, e.subject, Columns.scopes(e.scopes), Columns.instant(e.authTime),
        Columns.instant(e.issuedAt), Columns.instant(e.expiresAt), Columns.instant(e.rotatedAt),
        Columns.instant(e.revokedAt), Columns.resources(e.resources)));
  }

  @Override
  public boolean markRotated(String hash, Instant now) {
    return em.createNamedQuery("RefreshToken.markRotated")
            .setParameter("id", hash)
            .setParameter("now", now.toEpochMilli())
            .executeUpdate()
        == 1;
  }
}
