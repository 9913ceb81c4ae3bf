package dev.gatehouse.persistence;

import dev.gatehouse.persistence.entity.UserEntity;
import dev.gatehouse.protocol.store.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Users of the built-in database identity store. */
@ApplicationScoped
public class JpaUserStore implements UserDirectory {

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  public Optional<UserEntity> findByUsername(String username) {
    return em.createNamedQuery("User.byUsername", UserEntity.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public Optional<UserEntity> findById(String id) {
    return Optional.ofNullable(em.find(UserEntity.class, id));
  }

  @Override
  public Optional<String> username(String subject) {
    return findById(subject).map(u -> u.username);
  }

  public void persist(UserEntity user) {
    em.persist(user);
  }
}
