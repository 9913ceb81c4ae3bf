package dev.gatehouse.application.admin;

import dev.gatehouse.protocol.admin.AdminActor;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.store.AdministrationStore;
import dev.gatehouse.protocol.store.GrantTokens;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import dev.gatehouse.application.oauth.GrantRevocationService;
import dev.gatehouse.application.session.LogoutAfterCommit;
import dev.gatehouse.application.session.SessionService;

/**
 * What users and clients hold, for the administration: SSO sessions, consents, and grants (the tokens of one
 * authorization; a client's own client-credentials tokens count as one grant each), listed per user or per client
 * and ended or revoked. A grant is shown by its id, scopes and times, never by a token value or hash. Every change is
 * recorded through {@link AdminChanges}.
 */
@Stateless
public class AccessAdministration {

  /** Whose sessions, consents or grants: a user's (by subject) or a client's (by client_id). */
  public enum Owner {
    USER(AdministrationStore.Owner.USER),
    CLIENT(AdministrationStore.Owner.CLIENT);

    private final AdministrationStore.Owner column;

    Owner(AdministrationStore.Owner column) {
      this.column = column;
    }
  }

  /** An active SSO session and the clients it signed in to. */
  public record Session(SsoSession session, List<String> clients) {}

  /** The scopes a user allowed a client, remembered so that the consent page is not shown again. */
  public record Consent(String subject, String clientId, Set<String> scopes, Instant grantedAt) {}

  /**
   * An active grant: what a user authorized a client to do (from the code flow, with its refresh tokens), or one
   * client-credentials token (no user, {@code subject} null).
   *
   * @param sessionId the SSO session it was made in, or null
   */
  public record Grant(String grantId, String clientId, String subject, Set<String> scopes, Instant createdAt,
      Instant expiresAt, String sessionId) {}

  @Inject AdministrationStore admin;
  @Inject GrantTokens tokens;
  @Inject SessionService sessions;
  @Inject GrantRevocationService revocation;
  @Inject Event<LogoutAfterCommit.SessionsEnded> sessionsEnded;
  @Inject AdminChanges changes;
  @Inject Clock clock;

  // ---- sessions

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Paging.Page<Session> sessions(Owner owner, String id, Paging paging) {
    Instant now = clock.instant();
    List<Session> page = admin.sessions(owner.column, id, now, paging.offset(), paging.limit()).stream()
        .map(s -> new Session(s, sessions.clientsOf(s.sid()))).toList();
    return paging.page(page, admin.sessionCount(owner.column, id, now));
  }

  /** Ends one session, as a logout would (its non-offline grants are revoked, its clients told). */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void endSession(AdminActor actor, String sid) {
    SsoSession session = admin.session(sid).filter(s -> s.isActiveAt(clock.instant()))
        .orElseThrow(() -> AdministrationException.notFound("session '" + sid + "'"));
    int ended = sessions.end(sid).isPresent() ? 1 : 0;
    sessionsEnded.fire(new LogoutAfterCommit.SessionsEnded(ended));
    changes.record(actor, "session.end", "session:" + sid + " user:" + session.subject());
  }

  /** Ends every active session of a user; returns how many. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public int endSessionsOf(AdminActor actor, String subject) {
    int ended = sessions.endAll(subject);
    sessionsEnded.fire(new LogoutAfterCommit.SessionsEnded(ended));
    changes.record(actor, "session.end_all", "user:" + subject + " sessions_ended=" + ended);
    return ended;
  }

  // ---- consents

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Paging.Page<Consent> consents(Owner owner, String id, Paging paging) {
    List<Consent> page = admin.consents(owner.column, id, paging.offset(), paging.limit()).stream()
        .map(AccessAdministration::consent).toList();
    return paging.page(page, admin.consentCount(owner.column, id));
  }

  /**
   * Withdraws a user's consent to a client: the consent page is shown again next time, and the grants the user made
   * for that client are revoked with their tokens.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void revokeConsent(AdminActor actor, String subject, String clientId) {
    if (!admin.deleteConsent(subject, clientId)) {
      throw AdministrationException.notFound("consent of '" + subject + "' to client '" + clientId + "'");
    }
    Instant now = clock.instant();
    int revoked = 0;
    for (String grantId : admin.grantIds(subject, clientId)) {
      revoked += tokens.revokeGrant(grantId, now);
    }
    changes.record(actor, "consent.revoke", "consent:" + subject + "/" + clientId + " tokens_revoked=" + revoked);
  }

  // ---- grants (tokens)

  /**
   * Active grants of a user or a client, newest first. A client's list merges its users' grants with its own
   * client-credentials tokens; both are read up to the end of the page and cut there, which {@link Paging} bounds.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Paging.Page<Grant> grants(Owner owner, String id, Paging paging) {
    Instant now = clock.instant();
    if (owner == Owner.USER) {
      List<Grant> page = admin.grants(owner.column, id, now, paging.offset(), paging.limit()).stream()
          .map(AccessAdministration::grant).toList();
      return paging.page(page, admin.grantCount(owner.column, id, now));
    }
    int end = paging.offset() + paging.limit();
    List<Grant> all = new ArrayList<>();
    admin.grants(owner.column, id, now, 0, end).forEach(g -> all.add(grant(g)));
    admin.serviceTokens(id, now, 0, end).forEach(t -> all.add(grant(t)));
    all.sort(Comparator.comparing(Grant::createdAt).reversed().thenComparing(Grant::grantId));
    List<Grant> page = all.subList(Math.min(paging.offset(), all.size()), Math.min(end, all.size()));
    return paging.page(page, admin.grantCount(owner.column, id, now) + admin.serviceTokenCount(id, now));
  }

  /** Revokes one grant (or one client-credentials token) with every token of it. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void revokeGrant(AdminActor actor, String grantId) {
    Instant now = clock.instant();
    boolean active = admin.grant(grantId).filter(g -> g.isActiveAt(now)).isPresent()
        || admin.serviceToken(grantId, now).isPresent();
    if (!active) {
      throw AdministrationException.notFound("grant '" + grantId + "'");
    }
    int revoked = tokens.revokeGrant(grantId, now);
    changes.record(actor, "grant.revoke", "grant:" + grantId + " tokens_revoked=" + revoked);
  }

  /** Revokes every token of a user, or every token issued to a client; returns how many tokens. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public int revokeAll(AdminActor actor, Owner owner, String id) {
    Instant now = clock.instant();
    int revoked = owner == Owner.USER ? revocation.revokeUser(id, now) : revocation.revokeClient(id, now);
    changes.record(actor, "grant.revoke_all", (owner == Owner.USER ? "user:" : "client:") + id
        + " tokens_revoked=" + revoked);
    return revoked;
  }

  private static Consent consent(AdministrationStore.ConsentEntry c) {
    return new Consent(c.subject(), c.clientId(), c.scopes(), c.grantedAt());
  }

  private static Grant grant(AdministrationStore.GrantEntry g) {
    return new Grant(g.grantId(), g.clientId(), g.subject(), g.scopes(), g.createdAt(), g.expiresAt(), g.sessionId());
  }
}
