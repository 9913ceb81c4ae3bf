package dev.gatehouse.protocol.store;

import java.util.Set;

/**
 * Remembers which scopes a resource owner has granted to a client, so consent is not asked again for them.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.2">RFC 6749 §10.2</a>
 */
public interface ConsentStore {
  /** The scopes {@code subject} has granted to {@code clientId}; empty when none. */
  Set<String> grantedScopes(String subject, String clientId);

  /** Records that {@code subject} granted {@code scopes} to {@code clientId} (adding to what was granted before). */
  void grant(String subject, String clientId, Set<String> scopes);
}
