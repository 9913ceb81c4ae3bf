package dev.gatehouse.application.session;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.session.SessionLifetimes;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.store.ClientStore;
import dev.gatehouse.protocol.store.GrantTokens;
import dev.gatehouse.protocol.store.LogoutDeliveryStore;
import dev.gatehouse.protocol.store.LogoutDeliveryStore.LogoutDelivery;
import dev.gatehouse.protocol.store.SsoSessionStore;
import dev.gatehouse.protocol.support.RandomTokens;
import dev.gatehouse.protocol.token.TokenHash;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import dev.gatehouse.application.audit.AuditDetail;
import dev.gatehouse.application.audit.AuditEvent;
import dev.gatehouse.application.audit.AuditEventType;
import dev.gatehouse.application.audit.AuditTrail;
import dev.gatehouse.infrastructure.config.GatehouseConfig;

/**
 * SSO sessions: started at sign-in, found by the browser's cookie, ended by logout (or by the administration, for
 * every session of a user). Each method is one transaction; the session lives in the database, so every node of a
 * cluster sees it and a restart keeps it.
 */
@Stateless
public class SessionService {

  private static final SafeLog LOG = SafeLog.of(SessionService.class);
  /** The cookie carries 256 random bits, base64url: 43 characters. Anything else is not ours. */
  private static final int COOKIE_LENGTH = 43;

  @Inject SsoSessionStore sessions;
  @Inject LogoutDeliveryStore deliveries;
  @Inject ClientStore clients;
  @Inject GrantTokens grants;
  @Inject GatehouseConfig config;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** A started session and the cookie value that names it (returned once, never stored). */
  public record Started(String cookieValue, SsoSession session, boolean endedAnother) {
    @Override
    public String toString() {
      return "Started[sid=" + session.sid() + "]";
    }
  }

  /** An ended session and the back-channel notifications its ending queued, in the same transaction. */
  public record Ended(SsoSession session, List<LogoutDelivery> notifications) {
    public Ended {
      notifications = List.copyOf(notifications);
    }
  }

  /**
   * A user signed in. In a browser whose session already belongs to the same user, that session continues with a new
   * {@code auth_time} (its {@code sid}, which relying parties hold, stays) under a new cookie value: whoever knew the
   * old value (a fixation, a copy taken before the sign-in) holds nothing after it. Otherwise a new session starts; a
   * session of another user in the same browser ends first ({@link Started#endedAnother}): its notifications are sent
   * once this commits, without making the signing-in user wait ({@link BackchannelLogout#deliverSoon}), since the user
   * who signs in is not the one whose logout the other relying parties must know of before a page arrives.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Started signIn(Optional<String> cookieValue, String subject, String username) {
    Started started = startOrContinue(cookieValue, subject, username);
    audit.record(AuditEvent.of(AuditEventType.SIGN_IN_SUCCEEDED).actor(subject).subject(subject).username(username)
        .sessionId(started.session().sid()).build());
    return started;
  }

  private Started startOrContinue(Optional<String> cookieValue, String subject, String username) {
    Instant now = clock.instant();
    SessionLifetimes lifetimes = config.sessionLifetimes();
    Optional<SsoSession> current = cookieValue.flatMap(c -> find(c, now));
    if (current.isPresent() && current.get().subject().equals(subject)) {
      SsoSession s = current.get();
      Instant expiresAt = lifetimes.expiresAt(s.createdAt(), now);
      String renewed = RandomTokens.generate();
      sessions.reauthenticate(s.sid(), TokenHash.of(renewed), now, expiresAt);
      return new Started(renewed, new SsoSession(s.sid(), subject, username, now, s.createdAt(), now, expiresAt),
          false);
    }
    boolean endedAnother = current.isPresent() && end(current.get().sid(), "another_user_signed_in", false)
        .isPresent();
    String cookie = RandomTokens.generate();
    SsoSession session = new SsoSession(UUID.randomUUID().toString(), subject, username, now, now, now,
        lifetimes.expiresAt(now, now));
    sessions.create(TokenHash.of(cookie), session);
    LOG.info("SSO session {} started for subject {}", session.sid(), subject);
    return new Started(cookie, session, endedAnother);
  }

  /** The active session the cookie names, recording its use (at most once per touch interval). */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Optional<SsoSession> current(String cookieValue) {
    Instant now = clock.instant();
    return find(cookieValue, now).map(s -> {
      SessionLifetimes lifetimes = config.sessionLifetimes();
      if (!lifetimes.shouldTouch(s, now)) {
        return s;
      }
      Instant expiresAt = lifetimes.expiresAt(s.createdAt(), now);
      sessions.touch(s.sid(), now, expiresAt);
      return new SsoSession(s.sid(), s.subject(), s.username(), s.authTime(), s.createdAt(), now, expiresAt);
    });
  }

  /** Records that the session signed in to a client: it is told when the session ends. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void signedInTo(String sid, String clientId) {
    sessions.addClient(sid, clientId, clock.instant());
  }

  /**
   * Ends a session, revokes the grants made in it (except offline ones) and, in the same transaction, queues a
   * back-channel logout notification for every client the session signed in to that registered a {@code
   * backchannel_logout_uri} (sent by {@link BackchannelLogout} once this commits: call its {@code deliverSoon}; an
   * RP-initiated logout goes through {@link UserLogout}, which waits for them).
   * Returns the ended session, or empty when it had already ended.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Optional<SsoSession> end(String sid) {
    return end(sid, null, false).map(Ended::session);
  }

  /**
   * The user logged out (RP-Initiated Logout): {@link #end(String)}, recorded as the user's own doing. Returns the
   * ended session with the notifications it queued (for {@link UserLogout} to send and wait for once this has
   * committed), or empty when it had already ended.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Optional<Ended> logout(String sid) {
    return end(sid, "logout", true);
  }

  /**
   * Ends the session and records {@link AuditEventType#SESSION_ENDED} (and {@link AuditEventType#TOKEN_REVOKED} for
   * the tokens of its grants) in this transaction. {@code reason} may be {@code null} (not known here); {@code byUser}
   * names the session's own user as the actor.
   */
  private Optional<Ended> end(String sid, String reason, boolean byUser) {
    Instant now = clock.instant();
    Optional<SsoSession> ended = sessions.end(sid, now);
    List<LogoutDelivery> queued = new ArrayList<>();
    ended.ifPresent(s -> {
      int revoked = grants.revokeSession(s.sid(), now);
      for (String clientId : sessions.clients(s.sid())) {
        clients.find(clientId).flatMap(c -> c.oidc().backchannelLogoutUri()).ifPresent(uri -> queued.add(
            new LogoutDelivery(UUID.randomUUID().toString(), clientId, uri, s.sid(), s.subject(), 0)));
      }
      queued.forEach(delivery -> deliveries.enqueue(delivery, now));
      LOG.info("SSO session {} of subject {} ended; {} token(s) of its grants revoked", s.sid(), s.subject(), revoked);
      String actor = byUser ? s.subject() : null;
      audit.record(AuditEvent.of(AuditEventType.SESSION_ENDED).actor(actor).subject(s.subject())
          .username(s.username()).sessionId(s.sid()).detail(AuditDetail.REASON, reason).build());
      if (revoked > 0) {
        audit.record(AuditEvent.of(AuditEventType.TOKEN_REVOKED).actor(actor).subject(s.subject())
            .sessionId(s.sid()).detail(AuditDetail.REASON, "session_ended")
            .detail(AuditDetail.TOKENS_REVOKED, revoked).build());
      }
    });
    return ended.map(s -> new Ended(s, queued));
  }

  /** A user's active sessions, newest first (for the administration). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<SsoSession> sessionsOf(String subject) {
    return sessions.activeForSubject(subject, clock.instant());
  }

  /** Ends every active session of a user; returns how many ended. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public int endAll(String subject) {
    int ended = 0;
    for (SsoSession s : sessions.activeForSubject(subject, clock.instant())) {
      ended += end(s.sid(), "all_sessions_ended", false).isPresent() ? 1 : 0;
    }
    return ended;
  }

  /** The clients a session signed in to. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> clientsOf(String sid) {
    return sessions.clients(sid);
  }

  private Optional<SsoSession> find(String cookieValue, Instant now) {
    if (cookieValue == null || cookieValue.length() != COOKIE_LENGTH) {
      return Optional.empty();
    }
    return sessions.findActive(TokenHash.of(cookieValue), now);
  }
}
