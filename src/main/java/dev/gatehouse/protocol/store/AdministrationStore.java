package dev.gatehouse.protocol.store;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.session.SsoSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The administration's reads and deletes: paged lists of clients, users, sessions, consents and grants, by user or by
 * client. Kept apart from the stores the protocol uses, whose queries are tuned for the request paths; these run only
 * when an administrator asks, and always with a bounded page. Grants and tokens are listed by their grant, never by
 * their hash.
 */
public interface AdministrationStore {

  /** Whose rows to list: a user's (by subject) or a client's (by client_id). */
  enum Owner { USER, CLIENT }

  /** The scopes a user allowed a client. */
  record ConsentEntry(String subject, String clientId, Set<String> scopes, Instant grantedAt) {}

  /**
   * A grant (made by a user through the code flow), or one client-credentials token (no user, no session).
   *
   * @param revokedAt when it was revoked, or null
   * @param sessionId the SSO session it was made in, or null
   */
  record GrantEntry(String grantId, String clientId, String subject, Set<String> scopes, Instant createdAt,
      Instant expiresAt, Instant revokedAt, String sessionId) {
    /** Not revoked and not expired at {@code now}. */
    public boolean isActiveAt(Instant now) {
      return revokedAt == null && expiresAt.isAfter(now);
    }
  }

  List<Client> clients(int offset, int limit);

  long clientCount();

  /** Deletes the client and the consents given to it; its cache entry goes once this commits, on every node. */
  boolean deleteClient(String clientId);

  /** Users whose username, name or email contains {@code query} (any case), by username; all for an empty one. */
  List<UserAccount> users(String query, int offset, int limit);

  long userCount(String query);

  /** Active sessions of a user, or of the sessions that signed in to a client; newest first. */
  List<SsoSession> sessions(Owner owner, String value, Instant now, int offset, int limit);

  long sessionCount(Owner owner, String value, Instant now);

  Optional<SsoSession> session(String sid);

  /** Consents of a user or given to a client; newest first. */
  List<ConsentEntry> consents(Owner owner, String value, int offset, int limit);

  long consentCount(Owner owner, String value);

  boolean deleteConsent(String subject, String clientId);

  /** Active grants (made by a user through the code flow) of a user or a client; newest first. */
  List<GrantEntry> grants(Owner owner, String value, Instant now, int offset, int limit);

  long grantCount(Owner owner, String value, Instant now);

  /** The grant with this id, active or not. */
  Optional<GrantEntry> grant(String grantId);

  /**
   * A client's active access tokens issued on its own behalf (client credentials): they have no grant row, and each
   * has a grant id of its own, by which it is listed and revoked. Newest first.
   */
  List<GrantEntry> serviceTokens(String clientId, Instant now, int offset, int limit);

  long serviceTokenCount(String clientId, Instant now);

  /** The active client-credentials token with this grant id, if any. */
  Optional<GrantEntry> serviceToken(String grantId, Instant now);

  /** The ids of a user's grants at one client that are not revoked yet (a withdrawn consent revokes them). */
  List<String> grantIds(String subject, String clientId);
}
