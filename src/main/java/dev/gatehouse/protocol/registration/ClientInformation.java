package dev.gatehouse.protocol.registration;

import dev.gatehouse.protocol.client.Client;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a registration answer tells the client (RFC 7591 §3.2.1, RFC 7592 §3): its registration, when its identifier
 * was issued, a client secret when one was just generated (the store keeps only its hash, so it is shown this once),
 * and a fresh registration access token. {@link #toString()} shows neither credential.
 *
 * @param clientSecret present only in the answer that issued it
 * @param registrationAccessToken the token for the next call to the client configuration endpoint; RFC 7592 §3 makes
 *     it REQUIRED in every such answer, and only its hash is stored, so each answer carries a new one
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1">RFC 7591 §3.2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7592#section-3">RFC 7592 §3</a>
 */
public record ClientInformation(Client client, Instant issuedAt, Optional<String> clientSecret,
    String registrationAccessToken) {

  public ClientInformation {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(registrationAccessToken, "registrationAccessToken");
  }

  @Override
  public String toString() {
    return "ClientInformation[client=" + client.clientId() + ", issuedAt=" + issuedAt + ", clientSecret="
        + (clientSecret.isPresent() ? "(issued)" : "none") + "]";
  }
}
