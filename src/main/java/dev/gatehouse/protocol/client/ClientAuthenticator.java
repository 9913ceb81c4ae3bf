package dev.gatehouse.protocol.client;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.store.ClientStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates a client at the token endpoint.
 *
 * <p>The client must use exactly the method it registered, and a confidential client's secret must match its stored
 * hash. Every path computes exactly one secret hash, an unknown client against a fixed dummy hash, so response time
 * does not tell which {@code client_id} values exist. Every failure is {@code invalid_client}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3">RFC 6749 §2.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2.1">RFC 6749 §3.2.1</a>
 */
public final class ClientAuthenticator {
  /** A hash no presented secret is expected to match; it only makes unknown clients cost the same work. */
  private static final String DUMMY_HASH =
      ClientSecrets.hash("gatehouse-dummy-secret-for-unknown-client-ids");

  private final ClientStore clients;

  public ClientAuthenticator(ClientStore clients) {
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  /**
   * Authenticates the presented credentials, if any.
   *
   * @throws OAuthException {@code invalid_client} when no credentials were presented or they do not authenticate
   */
  public Client authenticate(Optional<ClientCredentials> credentials) {
    return authenticate(
        credentials.orElseThrow(
            () -> new OAuthException(OAuthErrorCode.INVALID_CLIENT, "no client authentication presented")));
  }

  /**
   * Authenticates {@code credentials} against the registered client.
   *
   * @throws OAuthException {@code invalid_client} when the client is unknown, used another method than it registered,
   *     or presented a wrong secret
   */
  public Client authenticate(ClientCredentials credentials) {
    Optional<Client> found = clients.find(credentials.clientId());
    String storedHash = found.map(Client::secretHash).orElse(DUMMY_HASH);
    String presented = credentials.secret() == null ? "" : credentials.secret();
    boolean secretMatches = ClientSecrets.matches(presented, storedHash == null ? DUMMY_HASH : storedHash);

    Client client =
        found.orElseThrow(() -> new OAuthException(OAuthErrorCode.INVALID_CLIENT, "unknown client_id"));
    // RFC 6749 §2.3: "The client MUST NOT use more than one authentication method in each request." A client is held
    // to the one method it registered, so a confidential client cannot pass as public by omitting its secret.
    if (credentials.method() != client.authMethod()) {
      throw new OAuthException(
          OAuthErrorCode.INVALID_CLIENT,
          "client " + client.clientId() + " registered " + client.authMethod().value()
              + " but used " + credentials.method().value());
    }
    if (!client.isPublic() && !secretMatches) {
      throw new OAuthException(
          OAuthErrorCode.INVALID_CLIENT, "wrong secret for client " + client.clientId());
    }
    return client;
  }

  /**
   * As {@link #authenticate(Optional)}, but a public client is refused with {@code invalid_client}: introspection
   * needs a caller that proved who it is, and anyone can name a public client's {@code client_id}. RFC 7662 §2.1:
   * "To prevent token scanning attacks, the endpoint MUST also require some form of authorization to access this
   * endpoint".
   */
  public Client authenticateConfidential(Optional<ClientCredentials> credentials) {
    Client client = authenticate(credentials);
    if (client.isPublic()) {
      throw new OAuthException(OAuthErrorCode.INVALID_CLIENT, "public client cannot authenticate here");
    }
    return client;
  }
}
