package dev.gatehouse.protocol.grant;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.token.TokenResponse;

/**
 * Handles one grant type at the token endpoint.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4">RFC 6749 §4</a>
 */
public interface GrantHandler {
  /** The grant type this handler serves. */
  GrantType grantType();

  /**
   * Exchanges the grant for tokens.
   *
   * @param client the authenticated client, already known to be registered for {@link #grantType()}
   * @throws dev.gatehouse.protocol.error.OAuthException on any protocol failure
   */
  TokenResponse handle(TokenRequest request, Client client);
}
