package dev.gatehouse.protocol.store;

import dev.gatehouse.protocol.client.Client;
import java.util.Optional;

/**
 * Looks up registered clients.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2">RFC 6749 §2</a>
 */
public interface ClientStore {
  /** The client registered as {@code clientId} (exact, case-sensitive match), or empty. */
  Optional<Client> find(String clientId);
}
