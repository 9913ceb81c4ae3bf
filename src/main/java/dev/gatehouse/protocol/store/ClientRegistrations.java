package dev.gatehouse.protocol.store;

import dev.gatehouse.protocol.client.Client;
import java.time.Instant;
import java.util.Optional;

/**
 * The RFC 7592 side of registered clients: a self-registered client's registration access token, kept only as its
 * SHA-256, and when the client was registered. Each use of the token replaces it (RFC 7592 §3) under the client's row
 * lock ({@link #lock}), so of two requests presenting the same token exactly one succeeds.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7592#section-3">RFC 7592 §3</a>
 */
public interface ClientRegistrations {

  /** A stored registration: the client, its token hash (null for an operator's client) and its creation time. */
  record Stored(Client client, String tokenHash, Instant registeredAt) {
    @Override
    public String toString() {
      return "Stored[" + client.clientId() + "]";
    }
  }

  /**
   * The client's registration, its row write-locked until the transaction ends ({@code SELECT … FOR UPDATE}): the
   * token check and its replacement that follow cannot interleave with another request's.
   */
  Optional<Stored> lock(String clientId);

  /** How many clients registered themselves (RFC 7591) and still exist. */
  long countSelfRegistered();

  /** Replaces the registration access token of a client locked by {@link #lock}. */
  void replaceToken(String clientId, String tokenHash);

  /** Inserts or replaces the client with {@code tokenHash} as its registration access token's hash. */
  void save(Client client, String tokenHash, Instant now);
}
