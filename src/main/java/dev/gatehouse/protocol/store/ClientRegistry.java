package dev.gatehouse.protocol.store;

import dev.gatehouse.protocol.client.Client;
import java.time.Instant;

/**
 * Registered clients, read and written: what the administration, dynamic registration and the bootstrap file use. The
 * protocol itself only reads ({@link ClientStore}).
 */
public interface ClientRegistry extends ClientStore {
  /**
   * Inserts the client or replaces its registration (its creation time stays); returns true when it was new. Every
   * node forgets a cached copy once the transaction commits.
   */
  boolean save(Client client, Instant now);
}
