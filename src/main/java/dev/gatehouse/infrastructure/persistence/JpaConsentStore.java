package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.persistence.entity.ConsentEntity;
import dev.gatehouse.protocol.store.ConsentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Consent remembered per user and client: the union of every scope the user has allowed that client. */
@ApplicationScoped
public class JpaConsentStore implements ConsentStore {

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Override
  public Optional<Set<String>> consent(String subject, String clientId) {
    return Optional.ofNullable(em.find(ConsentEntity.class, new ConsentEntity.Key(subject, clientId)))
        .map(e -> Columns.scopes(e.scopes));
  }

  @Override
  public void grant(String subject, String clientId, Set<String> scopes) {
    ConsentEntity e = em.find(ConsentEntity.class, new ConsentEntity.Key(subject, clientId));
    if (e == null) {
      e = new ConsentEntity();
      e.subject = subject;
      e.clientId = clientId;
      e.scopes = Columns.scopes(scopes);
      e.grantedAt = Clock.systemUTC().millis();
      em.persist(e);
      return;
    }
    Set<String> union = new TreeSet<>(Columns.scopes(e.scopes));
    union.addAll(scopes);
    e.scopes = Columns.scopes(union);
    e.grantedAt = Clock.systemUTC().millis();
  }
}
