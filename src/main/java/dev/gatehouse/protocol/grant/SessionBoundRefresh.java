package dev.gatehouse.protocol.grant;

import dev.gatehouse.protocol.session.SessionLifetimes;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.store.GrantStore;
import dev.gatehouse.protocol.store.SsoSessionStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The tie between a grant and the SSO session it was made in, for the refresh grant. OpenID Connect Core §11: "When
 * an offline access request is made, a Refresh Token will be returned that can be used to obtain an Access Token that
 * grants access to the End-User's UserInfo Endpoint even when the End-User is not present (not logged in)." A grant
 * without {@value #OFFLINE_ACCESS} is therefore the online kind: it lasts while the user is signed in, and ends with
 * the session, whether the session was ended (a logout revokes it at once) or simply expired (idle or absolute).
 *
 * <p>A refresh of an online grant is the user working in that client, so it counts as a use of the session, as a
 * visit to the authorization endpoint does: it moves the idle end (at most once per touch interval, never past the
 * absolute end). Otherwise a client the user works in all day would sign the user out at every idle lifetime. An
 * offline grant neither depends on the session nor keeps it alive. A grant made outside any session (none is
 * recorded) is not tied to one.
 *
 * <p>Lock order: recording the use locks the session's row, so {@link #useForRefresh} is called BEFORE the grant's
 * lock is taken. Ending a session locks the session row first and then its grants, so both sides lock in the same
 * order and never deadlock. Only the decision waits until the token has been judged under the grant's lock.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#OfflineAccess">OpenID Connect Core §11</a>
 */
public final class SessionBoundRefresh {
  /** The scope of a grant meant to outlive the sign-in (OpenID Connect Core §11). */
  public static final String OFFLINE_ACCESS = "offline_access";

  private final GrantStore grants;
  private final SsoSessionStore sessions;
  private final SessionLifetimes lifetimes;

  public SessionBoundRefresh(GrantStore grants, SsoSessionStore sessions, SessionLifetimes lifetimes) {
    this.grants = Objects.requireNonNull(grants, "grants");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.lifetimes = Objects.requireNonNull(lifetimes, "lifetimes");
  }

  /**
   * Whether a grant with these scopes may be refreshed at {@code now} as far as its session goes, recording the use of
   * an active session. False only for an online grant whose session has ended, expired, or been purged.
   */
  public boolean useForRefresh(String grantId, Set<String> scopes, Instant now) {
    if (scopes.contains(OFFLINE_ACCESS)) {
      return true;
    }
    Optional<String> sid = grants.sessionOf(grantId);
    if (sid.isEmpty()) {
      return true;
    }
    Optional<SsoSession> session = sessions.findActiveBySid(sid.get(), now);
    if (session.isEmpty()) {
      return false;
    }
    if (!lifetimes.shouldTouch(session.get(), now)) {
      return true;
    }
    // The conditional UPDATE is the last word: a logout that committed since the read leaves no row to touch.
    return sessions.touch(sid.get(), now, lifetimes.expiresAt(session.get().createdAt(), now));
  }
}
