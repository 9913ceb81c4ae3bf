package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.persistence.entity.AuthorizationCodeEntity;
import dev.gatehouse.protocol.store.AuthorizationCode;
import dev.gatehouse.protocol.store.AuthorizationCodeStore;
import dev.gatehouse.protocol.store.CodeConsumption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Authorization codes. {@link #consume} is one conditional {@code UPDATE … WHERE consumed_at IS NULL}: the database's
 * row lock decides which of N concurrent redemptions wins, and the row stays (marked consumed) so a replay is told
 * apart from an unknown code and can revoke what the first redemption issued.
 */
@ApplicationScoped
public class JpaAuthorizationCodeStore implements AuthorizationCodeStore {

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Override
  public void save(AuthorizationCode code) {
    AuthorizationCodeEntity e = Columns.grantRow(new AuthorizationCodeEntity(), code.hash(), code.grantId(),
        code.clientId(), code.subject(), code.scopes(), code.resources(), code.issuedAt(), code.expiresAt());
    e.redirectUri = code.redirectUri();
    e.codeChallenge = code.codeChallenge();
    e.nonce = code.nonce();
    e.sessionId = code.sessionId();
    e.authTime = Columns.millis(code.authTime());
    em.persist(e);
  }

  @Override
  public CodeConsumption consume(String hash, Instant now) {
    int updated = em.createNamedQuery("AuthorizationCode.consume")
        .setParameter("id", hash)
        .setParameter("now", now.toEpochMilli())
        .executeUpdate();
    AuthorizationCodeEntity e = em.find(AuthorizationCodeEntity.class, hash);
    if (e == null) {
      return new CodeConsumption.Unknown();
    }
    AuthorizationCode code = toCode(e);
    return updated == 1 ? new CodeConsumption.Consumed(code) : new CodeConsumption.Replayed(code);
  }

  private static AuthorizationCode toCode(AuthorizationCodeEntity e) {
    return new AuthorizationCode(
        e.id, e.grantId, e.clientId, e.subject, e.redirectUri, Columns.scopes(e.scopes), e.codeChallenge, e.nonce,
        Columns.instant(e.authTime), Columns.instant(e.issuedAt), Columns.instant(e.expiresAt), e.sessionId,
        Columns.resources(e.resources));
  }
}
