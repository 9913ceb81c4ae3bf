package dev.gatehouse.protocol.store;

import dev.gatehouse.protocol.client.AccessPolicy;

/**
 * Whether a user may still be issued tokens, asked at every refresh: a refresh token outlives the sign-in that
 * created it, so the user behind it is looked at again each time it is used.
 *
 * <p>RFC 6749 §5.2: {@code invalid_grant} when "the provided authorization grant ... or refresh token is invalid,
 * expired, revoked". A grant whose user was disabled, or left the directory that vouched for it, is no longer valid.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 */
public interface ResourceOwnerStatus {
  /**
   * True when the user exists, is not disabled, and, for a user of a directory, the directory still has it (or
   * cannot be asked now: then its last known state counts). It may bring the user's roles and claims up to date.
   */
  boolean isActive(String subject);

  /**
   * The user's roles and directory groups as they stand now, for the client's access policy ({@link AccessPolicy}):
   * asked after {@link #isActive}, which may have brought them up to date. A user nothing is known about has none.
   */
  default AccessPolicy.Member member(String subject) {
    return AccessPolicy.Member.NOBODY;
  }
}
