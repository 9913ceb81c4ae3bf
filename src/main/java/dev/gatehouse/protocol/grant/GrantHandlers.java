package dev.gatehouse.protocol.grant;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.token.TokenResponse;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one registry of enabled grants: the handlers passed to the constructor, and no others, are served.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
public final class GrantHandlers {
  private final Map<GrantType, GrantHandler> byType;

  /**
   * @throws IllegalArgumentException when two handlers serve the same grant type
   */
  public GrantHandlers(List<GrantHandler> handlers) {
    Map<GrantType, GrantHandler> map = new EnumMap<>(GrantType.class);
    for (GrantHandler handler : handlers) {
      if (map.put(handler.grantType(), handler) != null) {
        throw new IllegalArgumentException("two handlers for " + handler.grantType().value());
      }
    }
    this.byType = Collections.unmodifiableMap(map);
  }

  /**
   * The handler for the request's {@code grant_type}.
   *
   * @throws OAuthException {@code unsupported_grant_type} when the type is unknown or not enabled; {@code
   *     unauthorized_client} when the client is not registered for it
   */
  public GrantHandler forRequest(TokenRequest request, Client client) {
    // RFC 6749 §5.2 unsupported_grant_type: "The authorization grant type is not supported by the authorization
    // server."
    GrantHandler handler =
        GrantType.fromValue(request.grantType())
            .map(byType::get)
            .orElseThrow(
                () -> new OAuthException(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, "grant_type not enabled"));
    // RFC 6749 §5.2 unauthorized_client: "The authenticated client is not authorized to use this authorization grant
    // type."
    if (!client.allowsGrant(handler.grantType())) {
      throw new OAuthException(
          OAuthErrorCode.UNAUTHORIZED_CLIENT,
          "client " + client.clientId() + " is not registered for " + handler.grantType().value());
    }
    return handler;
  }

  /** Selects the handler for the request and lets it handle the request. */
  public TokenResponse handle(TokenRequest request, Client client) {
    return forRequest(request, client).handle(request, client);
  }

  /** The enabled grant types (for discovery metadata). */
  public Set<GrantType> enabled() {
    return byType.keySet();
  }
}
