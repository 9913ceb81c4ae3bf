package dev.gatehouse.it.rollback;

import dev.gatehouse.protocol.store.RefreshToken;
import dev.gatehouse.protocol.store.RefreshTokenStore;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Test-only CDI decorator, deployed by {@code TransactionRollbackIT} and never shipped: saving a refresh token for
 * {@code it-post} fails. The token issuer saves the access token first; the decorator flushes it, so its INSERT has
 * really reached the database inside the transaction (along with the code's consuming UPDATE), and then throws. The
 * container must roll all of it back.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class FailingRefreshTokenStore implements RefreshTokenStore {

  /** The client whose refresh tokens cannot be saved. */
  public static final String FAILING_CLIENT = "it-post";

  private static final Logger LOG = Logger.getLogger(FailingRefreshTokenStore.class.getName());

  @Inject @Delegate @Any RefreshTokenStore delegate;

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Override
  public void save(RefreshToken token) {
    if (FAILING_CLIENT.equals(token.clientId())) {
      em.flush();
      long inserted = em.createQuery(
              "SELECT COUNT(a) FROM AccessTokenEntity a WHERE a.grantId = :grantId", Long.class)
          .setParameter("grantId", token.grantId())
          .getSingleResult();
      LOG.warning("FailingRefreshTokenStore: " + inserted + " access token row(s) of the grant written in this"
          + " transaction; now failing the refresh token save");
      throw new IllegalStateException("injected failure after the access token insert");
    }
    delegate.save(token);
  }

  @Override
  public Optional<RefreshToken> find(String hash) {
    return delegate.find(hash);
  }

  @Override
  public boolean markRotated(String hash, Instant now) {
    return delegate.markRotated(hash, now);
  }
}
