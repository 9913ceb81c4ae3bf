package dev.gatehouse.persistence;

import dev.gatehouse.persistence.entity.UserEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Users of the built-in database identity store. */
@ApplicationScoped
public class JpaUserStore {

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

  public void persist(UserEntity user) {
    em.persist(user);
  }
}
