package dev.gatehouse.protocol.grant;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.Parameters;
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
   * @throws IllegalArgumentException when two handlers serve the same grant type, or a handler declares a parameter
   *     the token request does not carry
   */
  public GrantHandlers(List<GrantHandler> handlers) {
    Map<GrantType, GrantHandler> map = new EnumMap<>(GrantType.class);
    for (GrantHandler handler : handlers) {
      if (!TokenRequest.GRANT_PARAMETERS.containsAll(handler.parameters())) {
        throw new IllegalArgumentException(handler.grantType().value() + " declares unknown parameters "
            + handler.parameters());
      }
      if (map.put(handler.grantType(), handler) != null) {
        throw new IllegalArgumentException("two handlers for " + handler.grantType().value());
      }
    }
    this.byType = Collections.unmodifiableMap(map);
  }

  /**
   * Parses a token request, reading only the parameters the handler of its {@code grant_type} declares ({@link
   * GrantHandler#parameters()}); for a grant type that is not enabled, none beyond {@code grant_type} and client
   * authentication's, and {@link #forRequest} then refuses it.
   *
   * @throws OAuthException {@code invalid_request} when {@code grant_type} is missing, or it or a read parameter is
   *     repeated
   */
  public TokenRequest parse(Parameters form) {
    Set<String> accepted = GrantType.fromValue(form.required(TokenRequest.GRANT_TYPE))
        .map(byType::get)
        .map(GrantHandler::parameters)
        .orElse(Set.of());
    return TokenRequest.from(form, accepted);
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
