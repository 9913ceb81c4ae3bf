package dev.gatehouse.protocol.grant;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.token.TokenResponse;
import java.util.Set;

/**
 * Handles one grant type at the token endpoint.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4">RFC 6749 §4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2">RFC 6749 §3.2</a>
 */
public interface GrantHandler {
  /** The grant type this handler serves. */
  GrantType grantType();

  /**
   * The grant parameters this handler reads (names from {@link TokenRequest#GRANT_PARAMETERS}), beyond {@code
   * grant_type} and client authentication's. The token endpoint drops every other parameter before the request is
   * built, so the fields of the others stay empty whatever the client sent (RFC 6749 §3.2: "The authorization server
   * MUST ignore unrecognized request parameters."); a declared parameter sent twice is still {@code invalid_request}.
   */
  Set<String> parameters();

  /**
   * Exchanges the grant for tokens.
   *
   * @param client the authenticated client, already known to be registered for {@link #grantType()}
   * @throws dev.gatehouse.protocol.error.OAuthException on any protocol failure
   */
  TokenResponse handle(TokenRequest request, Client client);
}
