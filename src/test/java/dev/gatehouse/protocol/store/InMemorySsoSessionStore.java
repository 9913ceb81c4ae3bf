package dev.gatehouse.protocol.store;

import dev.gatehouse.protocol.session.SsoSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link SsoSessionStore}, by sid (the cookie hash is the sid here); {@link #end} marks one ended. */
public final class InMemorySsoSessionStore implements SsoSessionStore {
  private final Map<String, SsoSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, Instant> ended = new ConcurrentHashMap<>();
  private final List<String> touches = new ArrayList<>();
  private final Map<String, List<String>> clients = new ConcurrentHashMap<>();

  @Override
  public void create(String cookieHash, SsoSession session) {
    sessions.put(session.sid(), session);
  }

  @Override
  public Optional<SsoSession> findActive(String cookieHash, Instant now) {
    return findActiveBySid(cookieHash, now);
  }

  @Override
  public synchronized Optional<SsoSession> findActiveBySid(String sid, Instant now) {
    return Optional.ofNullable(sessions.get(sid)).filter(s -> !ended.containsKey(sid) && s.isActiveAt(now));
  }

  @Override
  public synchronized boolean touch(String sid, Instant lastSeenAt, Instant expiresAt) {
    SsoSession s = sessions.get(sid);
    if (s == null || ended.containsKey(sid) || !s.isActiveAt(lastSeenAt)) {
      return false;
    }
    touches.add(sid);
    sessions.put(sid, new SsoSession(sid, s.subject(), s.username(), s.authTime(), s.createdAt(), lastSeenAt,
        expiresAt));
    return true;
  }

  @Override
  public synchronized void reauthenticate(String sid, String cookieHash, Instant authTime, Instant expiresAt) {
    SsoSession s = sessions.get(sid);
    if (s != null && !ended.containsKey(sid)) {
      sessions.put(sid, new SsoSession(sid, s.subject(), s.username(), authTime, s.createdAt(), authTime, expiresAt));
    }
  }

  @Override
  public synchronized Optional<SsoSession> end(String sid, Instant now) {
    Optional<SsoSession> active = findActiveBySid(sid, now);
    active.ifPresent(s -> ended.put(sid, now));
    return active;
  }

  @Override
  public synchronized List<SsoSession> activeForSubject(String subject, Instant now) {
    return sessions.values().stream().filter(s -> s.subject().equals(subject))
        .filter(s -> !ended.containsKey(s.sid()) && s.isActiveAt(now))
        .sorted(java.util.Comparator.comparing(SsoSession::createdAt).reversed()).toList();
  }

  @Override
  public synchronized void addClient(String sid, String clientId, Instant now) {
    List<String> list = clients.computeIfAbsent(sid, k -> new ArrayList<>());
    if (!list.contains(clientId)) {
      list.add(clientId);
    }
  }

  @Override
  public synchronized List<String> clients(String sid) {
    return List.copyOf(clients.getOrDefault(sid, List.of()));
  }

  /** The session as stored now (ended ones included). */
  public Optional<SsoSession> find(String sid) {
    return Optional.ofNullable(sessions.get(sid));
  }

  /** The sids touched so far, one entry per recorded use. */
  public synchronized List<String> touches() {
    return List.copyOf(touches);
  }
}
