package dev.gatehouse.infrastructure.persistence;

import com.nimbusds.jose.JWSAlgorithm;
import dev.gatehouse.infrastructure.persistence.entity.LockEntity;
import dev.gatehouse.infrastructure.persistence.entity.SigningKeyEntity;
import dev.gatehouse.protocol.jose.SigningKey;
import dev.gatehouse.protocol.jose.SigningKeyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * The signing keys ({@code signing_keys}).
 *
 * <p>Cluster safety of key creation: {@link #lockForRotation()} locks the row {@code signing-keys} of the
 * {@code locks} table with {@code PESSIMISTIC_WRITE} ({@code SELECT … FOR UPDATE}) until the transaction ends. Every
 * node takes that one lock before it creates, retires or deletes a key, and reads the keys again under it, so a node
 * that waited sees what the other created. Why a lock row rather than a unique constraint and a retry: a successor
 * has no natural unique slot (its activation time depends on the clock of the node that creates it), and a retry
 * after a duplicate-key error needs a new transaction; the lock serialises the rare writers and costs the common case
 * (nothing to do) nothing, because that case never takes it.
 */
@ApplicationScoped
public class JpaSigningKeyStore implements SigningKeyStore {

  static final String LOCK = "signing-keys";

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Override
  public List<SigningKey> all() {
    return em.createNamedQuery("SigningKey.all", SigningKeyEntity.class).getResultList().stream()
        .map(JpaSigningKeyStore::toKey)
        .toList();
  }

  @Override
  public void lockForRotation() {
    if (em.find(LockEntity.class, LOCK, LockModeType.PESSIMISTIC_WRITE) == null) {
      throw new IllegalStateException("The lock row '" + LOCK + "' is missing from the locks table: apply the"
          + " schema migrations (server-config/mysql/schema.sql includes it)");
    }
  }

  @Override
  public void insert(SigningKey key) {
    SigningKeyEntity e = new SigningKeyEntity();
    e.kid = key.kid();
    e.alg = key.algorithm().getName();
    e.publicJwk = key.publicJwk();
    e.privateJwk = key.encryptedPrivateJwk();
    e.createdAt = Columns.millis(key.createdAt());
    e.activatesAt = Columns.millis(key.activatesAt());
    e.retiredAt = Columns.millisOrNull(key.retiredAt());
    e.publishedUntil = Columns.millisOrNull(key.publishedUntil());
    em.persist(e);
  }

  @Override
  public void retire(String kid, Instant retiredAt, Instant publishedUntil) {
    em.createNamedQuery("SigningKey.retire")
        .setParameter("kid", kid)
        .setParameter("retiredAt", Columns.millis(retiredAt))
        .setParameter("publishedUntil", Columns.millis(publishedUntil))
        .executeUpdate();
  }

  @Override
  public void delete(String kid) {
    em.createNamedQuery("SigningKey.delete").setParameter("kid", kid).executeUpdate();
  }

  private static SigningKey toKey(SigningKeyEntity e) {
    return new SigningKey(e.kid, JWSAlgorithm.parse(e.alg), e.publicJwk, e.privateJwk,
        Columns.instant(e.createdAt), Columns.instant(e.activatesAt), Columns.instant(e.retiredAt),
        Columns.instant(e.publishedUntil));
  }
}
