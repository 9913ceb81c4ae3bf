package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.persistence.entity.SessionClientEntity;
import dev.gatehouse.infrastructure.persistence.entity.SessionEntity;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.store.SsoSessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** SSO sessions in the {@code sessions} and {@code session_clients} tables. */
@ApplicationScoped
public class JpaSsoSessionStore implements SsoSessionStore {

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Override
  public void create(String cookieHash, SsoSession session) {
    SessionEntity e = new SessionEntity();
    e.id = cookieHash;
    e.sid = session.sid();
    e.subject = session.subject();
    e.username = session.username();
    e.authTime = session.authTime().toEpochMilli();
    e.createdAt = session.createdAt().toEpochMilli();
    e.lastSeenAt = session.lastSeenAt().toEpochMilli();
    e.expiresAt = session.expiresAt().toEpochMilli();
    em.persist(e);
  }

  @Override
  public Optional<SsoSession> findActive(String cookieHash, Instant now) {
    return Optional.ofNullable(em.find(SessionEntity.class, cookieHash))
        .filter(e -> e.endedAt == null && e.expiresAt > now.toEpochMilli())
        .map(JpaSsoSessionStore::toSession);
  }

  @Override
  public Optional<SsoSession> findActiveBySid(String sid, Instant now) {
    return em.createNamedQuery("Session.bySid", SessionEntity.class).setParameter("sid", sid).getResultStream()
        .findFirst().filter(e -> e.endedAt == null && e.expiresAt > now.toEpochMilli())
        .map(JpaSsoSessionStore::toSession);
  }

  @Override
  public boolean touch(String sid, Instant lastSeenAt, Instant expiresAt) {
    return em.createNamedQuery("Session.touch")
            .setParameter("sid", sid)
            .setParameter("lastSeen", lastSeenAt.toEpochMilli())
            .setParameter("expiresAt", expiresAt.toEpochMilli())
            .executeUpdate()
        == 1;
  }

  @Override
  public void reauthenticate(String sid, String cookieHash, Instant authTime, Instant expiresAt) {
    em.createNamedQuery("Session.reauthenticate")
        .setParameter("sid", sid)
        .setParameter("cookieHash", cookieHash)
        .setParameter("authTime", authTime.toEpochMilli())
        .setParameter("expiresAt", expiresAt.toEpochMilli())
        .executeUpdate();
  }

  @Override
  public Optional<SsoSession> end(String sid, Instant now) {
    Optional<SsoSession> before = em.createNamedQuery("Session.bySid", SessionEntity.class)
        .setParameter("sid", sid).getResultStream().findFirst().map(JpaSsoSessionStore::toSession);
    // The conditional UPDATE decides who ended it: of two logouts racing, exactly one sees a row changed.
    int ended = em.createNamedQuery("Session.end")
        .setParameter("sid", sid).setParameter("now", now.toEpochMilli()).executeUpdate();
    return ended == 1 ? before : Optional.empty();
  }

  @Override
  public List<SsoSession> activeForSubject(String subject, Instant now) {
    return em.createNamedQuery("Session.activeForSubject", SessionEntity.class)
        .setParameter("subject", subject).setParameter("now", now.toEpochMilli())
        .getResultStream().map(JpaSsoSessionStore::toSession).collect(Collectors.toList());
  }

  @Override
  public void addClient(String sid, String clientId, Instant now) {
    if (em.find(SessionClientEntity.class, new SessionClientEntity.Key(sid, clientId)) == null) {
      SessionClientEntity e = new SessionClientEntity();
      e.sid = sid;
      e.clientId = clientId;
      e.createdAt = now.toEpochMilli();
      em.persist(e);
    }
  }

  @Override
  public List<String> clients(String sid) {
    return em.createNamedQuery("SessionClient.ofSession", String.class).setParameter("sid", sid).getResultList();
  }

  static SsoSession toSession(SessionEntity e) {
    return new SsoSession(e.sid, e.subject, e.username, Instant.ofEpochMilli(e.authTime),
        Instant.ofEpochMilli(e.createdAt), Instant.ofEpochMilli(e.lastSeenAt), Instant.ofEpochMilli(e.expiresAt));
  }
}
