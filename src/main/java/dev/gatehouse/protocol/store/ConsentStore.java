package dev.gatehouse.protocol.store;

import java.util.Optional;
import java.util.Set;

/**
 * Remembers which scopes a resource owner has granted to a client, so consent is not asked again for them.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.2">RFC 6749 §10.2</a>
 */
public interface ConsentStore {
  /**
   * The consent {@code subject} gave {@code clientId}: the scopes granted, possibly none; empty when the user never
   * answered this client's consent page.
   */
  Optional<Set<String>> consent(String subject, String clientId);

  /** The scopes {@code subject} has granted to {@code clientId}; empty when none. */
  default Set<String> grantedScopes(String subject, String clientId) {
    return consent(subject, clientId).orElse(Set.of());
  }

  /** Records that {@code subject} granted {@code scopes} to {@code clientId} (adding to what was granted before). */
  void grant(String subject, String clientId, Set<String> scopes);
}
