package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.cache.CacheEntriesChanged;
import dev.gatehouse.infrastructure.persistence.entity.AccessTokenEntity;
import dev.gatehouse.infrastructure.persistence.entity.ClientEntity;
import dev.gatehouse.infrastructure.persistence.entity.ConsentEntity;
import dev.gatehouse.infrastructure.persistence.entity.GrantEntity;
import dev.gatehouse.infrastructure.persistence.entity.SessionEntity;
import dev.gatehouse.infrastructure.persistence.entity.UserEntity;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.scope.Scopes;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.store.AdministrationStore;
import dev.gatehouse.protocol.store.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The administration's reads and deletes ({@link AdministrationStore}) over the JPA entities. */
@ApplicationScoped
public class JpaAdministration implements AdministrationStore {

  /** The entity field that holds the owner. */
  private static String field(Owner owner) {
    return owner == Owner.USER ? "subject" : "clientId";
  }

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Inject Event<CacheEntriesChanged> changes;

  @Override
  public List<Client> clients(int offset, int limit) {
    return em.createQuery("SELECT c FROM ClientEntity c ORDER BY c.clientId", ClientEntity.class)
        .setFirstResult(offset).setMaxResults(limit).getResultStream().map(JpaClientStore::toClient).toList();
  }

  @Override
  public long clientCount() {
    return em.createQuery("SELECT COUNT(c) FROM ClientEntity c", Long.class).getSingleResult();
  }

  /** Deletes the client and the consents given to it; its cache entry goes once this commits, on every node. */
  @Override
  public boolean deleteClient(String clientId) {
    em.createQuery("DELETE FROM ConsentEntity c WHERE c.clientId = :id").setParameter("id", clientId).executeUpdate();
    int deleted = em.createQuery("DELETE FROM ClientEntity c WHERE c.clientId = :id")
        .setParameter("id", clientId).executeUpdate();
    changes.fire(CacheEntriesChanged.client(clientId));
    return deleted == 1;
  }

  /** Users whose username, name or email contains {@code query} (any case); every user when it is empty. */
  @Override
  public List<UserAccount> users(String query, int offset, int limit) {
    return userQuery("SELECT u", query, " ORDER BY u.username", UserEntity.class)
        .setFirstResult(offset).setMaxResults(limit).getResultStream().map(JpaUserStore::toAccount).toList();
  }

  @Override
  public long userCount(String query) {
    return userQuery("SELECT COUNT(u)", query, "", Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> userQuery(String select, String query, String order, Class<T> type) {
    if (query == null || query.isEmpty()) {
      return em.createQuery(select + " FROM UserEntity u" + order, type);
    }
    String like = "%" + query.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
        + "%";
    return em.createQuery(select + " FROM UserEntity u WHERE LOWER(u.username) LIKE :q ESCAPE '!'"
            + " OR LOWER(u.name) LIKE :q ESCAPE '!' OR LOWER(u.email) LIKE :q ESCAPE '!'" + order, type)
        .setParameter("q", like);
  }

  /** Active sessions of a user, or of the sessions that signed in to a client; newest first. */
  @Override
  public List<SsoSession> sessions(Owner owner, String value, Instant now, int offset, int limit) {
    return sessionQuery("SELECT s", owner, value, now, " ORDER BY s.createdAt DESC", SessionEntity.class)
        .setFirstResult(offset).setMaxResults(limit).getResultStream().map(JpaSsoSessionStore::toSession).toList();
  }

  @Override
  public long sessionCount(Owner owner, String value, Instant now) {
    return sessionQuery("SELECT COUNT(s)", owner, value, now, "", Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> sessionQuery(String select, Owner owner, String value, Instant now, String order,
      Class<T> type) {
    String active = " s.endedAt IS NULL AND s.expiresAt > :now";
    String jpql = owner == Owner.USER
        ? select + " FROM SessionEntity s WHERE s.subject = :value AND" + active + order
        : select + " FROM SessionEntity s WHERE s.sid IN (SELECT c.sid FROM SessionClientEntity c"
            + " WHERE c.clientId = :value) AND" + active + order;
    return em.createQuery(jpql, type).setParameter("value", value).setParameter("now", now.toEpochMilli());
  }

  @Override
  public Optional<SsoSession> session(String sid) {
    return em.createNamedQuery("Session.bySid", SessionEntity.class).setParameter("sid", sid)
        .getResultStream().findFirst().map(JpaSsoSessionStore::toSession);
  }

  @Override
  public List<ConsentEntry> consents(Owner owner, String value, int offset, int limit) {
    return em.createQuery("SELECT c FROM ConsentEntity c WHERE c." + field(owner) + " = :value"
            + " ORDER BY c.grantedAt DESC, c.clientId, c.subject", ConsentEntity.class)
        .setParameter("value", value).setFirstResult(offset).setMaxResults(limit).getResultStream()
        .map(c -> new ConsentEntry(c.subject, c.clientId, Scopes.parse(c.scopes), Instant.ofEpochMilli(c.grantedAt)))
        .toList();
  }

  @Override
  public long consentCount(Owner owner, String value) {
    return em.createQuery("SELECT COUNT(c) FROM ConsentEntity c WHERE c." + field(owner) + " = :value", Long.class)
        .setParameter("value", value).getSingleResult();
  }

  @Override
  public boolean deleteConsent(String subject, String clientId) {
    return em.createQuery("DELETE FROM ConsentEntity c WHERE c.subject = :subject AND c.clientId = :client")
        .setParameter("subject", subject).setParameter("client", clientId).executeUpdate() == 1;
  }

  /** Active grants (made by a user through the code flow) of a user or a client; newest first. */
  @Override
  public List<GrantEntry> grants(Owner owner, String value, Instant now, int offset, int limit) {
    return em.createQuery("SELECT g FROM GrantEntity g WHERE g." + field(owner) + " = :value"
            + " AND g.revokedAt IS NULL AND g.expiresAt > :now ORDER BY g.createdAt DESC, g.id", GrantEntity.class)
        .setParameter("value", value).setParameter("now", now.toEpochMilli())
        .setFirstResult(offset).setMaxResults(limit).getResultStream().map(JpaAdministration::entry).toList();
  }

  @Override
  public long grantCount(Owner owner, String value, Instant now) {
    return em.createQuery("SELECT COUNT(g) FROM GrantEntity g WHERE g." + field(owner) + " = :value"
            + " AND g.revokedAt IS NULL AND g.expiresAt > :now", Long.class)
        .setParameter("value", value).setParameter("now", now.toEpochMilli()).getSingleResult();
  }

  @Override
  public Optional<GrantEntry> grant(String grantId) {
    return Optional.ofNullable(em.find(GrantEntity.class, grantId)).map(JpaAdministration::entry);
  }

  /**
   * A client's active access tokens issued on its own behalf (client credentials): they have no grant row, and each
   * has a grant id of its own, by which it is listed and revoked. Newest first.
   */
  @Override
  public List<GrantEntry> serviceTokens(String clientId, Instant now, int offset, int limit) {
    return em.createQuery("SELECT t FROM AccessTokenEntity t WHERE t.clientId = :client AND t.subject IS NULL"
            + " AND t.revokedAt IS NULL AND t.expiresAt > :now ORDER BY t.issuedAt DESC, t.grantId",
            AccessTokenEntity.class)
        .setParameter("client", clientId).setParameter("now", now.toEpochMilli())
        .setFirstResult(offset).setMaxResults(limit).getResultStream().map(JpaAdministration::entry).toList();
  }

  @Override
  public long serviceTokenCount(String clientId, Instant now) {
    return em.createQuery("SELECT COUNT(t) FROM AccessTokenEntity t WHERE t.clientId = :client"
            + " AND t.subject IS NULL AND t.revokedAt IS NULL AND t.expiresAt > :now", Long.class)
        .setParameter("client", clientId).setParameter("now", now.toEpochMilli()).getSingleResult();
  }

  /** The active client-credentials token with this grant id, if any. */
  @Override
  public Optional<GrantEntry> serviceToken(String grantId, Instant now) {
    return em.createQuery("SELECT t FROM AccessTokenEntity t WHERE t.grantId = :grant AND t.subject IS NULL"
            + " AND t.revokedAt IS NULL AND t.expiresAt > :now", AccessTokenEntity.class)
        .setParameter("grant", grantId).setParameter("now", now.toEpochMilli()).getResultStream().findFirst()
        .map(JpaAdministration::entry);
  }

  /** The ids of a user's grants at one client that are not revoked yet (a withdrawn consent revokes them). */
  @Override
  public List<String> grantIds(String subject, String clientId) {
    return em.createQuery("SELECT g.id FROM GrantEntity g WHERE g.subject = :subject AND g.clientId = :client"
            + " AND g.revokedAt IS NULL ORDER BY g.id", String.class)
        .setParameter("subject", subject).setParameter("client", clientId).getResultList();
  }

  private static GrantEntry entry(GrantEntity g) {
    return new GrantEntry(g.id, g.clientId, g.subject, Scopes.parse(g.scopes), Instant.ofEpochMilli(g.createdAt),
        Instant.ofEpochMilli(g.expiresAt), g.revokedAt == null ? null : Instant.ofEpochMilli(g.revokedAt),
        g.sessionId);
  }

  /** A client-credentials token as a grant of its own: no user, no session. */
  private static GrantEntry entry(AccessTokenEntity t) {
    return new GrantEntry(t.grantId, t.clientId, null, Scopes.parse(t.scopes), Instant.ofEpochMilli(t.issuedAt),
        Instant.ofEpochMilli(t.expiresAt), t.revokedAt == null ? null : Instant.ofEpochMilli(t.revokedAt), null);
  }
}
