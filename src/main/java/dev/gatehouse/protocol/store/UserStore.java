package dev.gatehouse.protocol.store;

import java.util.Optional;

/**
 * The users: of the built-in database identity store, and of a directory once they signed in (so that their subject
 * identifier, sessions and consents work like any other user's). Read-only callers use the narrower {@link
 * UserDirectory}.
 *
 * <p>Writes happen in the caller's transaction. Nothing here locks: a user's row is changed by one short transaction
 * at a time (an administrator's change, a directory sign-in or refresh), and the last one to commit wins, column by
 * column, as before this port existed; the locks that order revocations against refreshes are the grants' ({@link
 * GrantStore#holdActive}).
 */
public interface UserStore extends UserDirectory {
  /** The user whose subject identifier is {@code subject}, or empty. */
  Optional<UserAccount> findById(String subject);

  /** The user with this username (unique across every source), or empty. */
  Optional<UserAccount> findByUsername(String username);

  /** The user a directory knows by this stable id (the unique {@code source} + {@code external_id} pair). */
  Optional<UserAccount> findByExternalId(String source, String externalId);

  /** Adds a user that does not exist yet. */
  void insert(UserAccount user);

  /**
   * Replaces the stored user whose subject is {@code user.subject()} with {@code user}; only what differs is written.
   *
   * @throws IllegalStateException when there is no such user
   */
  void update(UserAccount user);
}
