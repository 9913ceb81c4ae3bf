package dev.gatehouse.protocol.store;

import dev.gatehouse.protocol.session.SsoSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of SSO sessions, by the SHA-256 of the browser's cookie value, and of the clients each one signed in to. */
public interface SsoSessionStore {
  void create(String cookieHash, SsoSession session);

  /** The session whose cookie hashes to {@code cookieHash}, if it has not ended or expired at {@code now}. */
  Optional<SsoSession> findActive(String cookieHash, Instant now);

  /** The session with this public id, if it has not ended or expired at {@code now}. */
  Optional<SsoSession> findActiveBySid(String sid, Instant now);

  /**
   * Records a use at {@code lastSeenAt}: moves {@code last_seen_at} and the resulting end. Returns false when the
   * session had ended or expired by then (nothing changed): one conditional {@code UPDATE}.
   */
  boolean touch(String sid, Instant lastSeenAt, Instant expiresAt);

  /**
   * Records a new sign-in of the same user in the same session: a new {@code auth_time}, and the session is found by
   * {@code cookieHash} from now on (the browser's cookie value changes at every sign-in).
   */
  void reauthenticate(String sid, String cookieHash, Instant authTime, Instant expiresAt);

  /** Ends the session now; returns it if it was active (so that its clients are told once). */
  Optional<SsoSession> end(String sid, Instant now);

  /** The active sessions of a user, newest first. */
  List<SsoSession> activeForSubject(String subject, Instant now);

  /** Records that the session signed in to {@code clientId} (idempotent). */
  void addClient(String sid, String clientId, Instant now);

  /** The clients the session signed in to. */
  List<String> clients(String sid);
}
