package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.persistence.entity.ClientEntity;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.store.ClientRegistrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The RFC 7592 side of the {@code clients} table: a self-registered client's registration access token, kept as its
 * SHA-256 in {@code registration_token_hash}, and when the client was registered. Each use of the token replaces it
 * (RFC 7592 §3), under a row lock, so of two requests presenting the same token exactly one succeeds.
 */
@ApplicationScoped
public class JpaClientRegistrations implements ClientRegistrations {

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Inject JpaClientStore clients;

  /** The client's registration, its row locked until the transaction ends ({@code SELECT … FOR UPDATE}). */
  @Override
  public Optional<Stored> lock(String clientId) {
    return Optional.ofNullable(em.find(ClientEntity.class, clientId, LockModeType.PESSIMISTIC_WRITE))
        .map(e -> new Stored(JpaClientStore.toClient(e), e.registrationTokenHash, Instant.ofEpochMilli(e.createdAt)));
  }

  /** How many clients registered themselves (RFC 7591) and still exist. */
  @Override
  public long countSelfRegistered() {
    return em.createQuery("SELECT COUNT(c) FROM ClientEntity c WHERE c.dynamicallyRegistered = TRUE", Long.class)
        .getSingleResult();
  }

  /** Replaces the registration access token of a client locked by {@link #lock}. */
  @Override
  public void replaceToken(String clientId, String tokenHash) {
    em.find(ClientEntity.class, clientId).registrationTokenHash = tokenHash;
  }

  /**
   * Inserts or replaces the client with {@code tokenHash} as its registration access token's hash; the cache entry
   * goes once this commits ({@link JpaClientStore#save}).
   */
  @Override
  public void save(Client client, String tokenHash, Instant now) {
    clients.save(client, now);
    replaceToken(client.clientId(), tokenHash);
  }
}
