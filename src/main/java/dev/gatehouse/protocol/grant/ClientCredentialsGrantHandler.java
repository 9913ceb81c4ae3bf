package dev.gatehouse.protocol.grant;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.resource.ResourceIndicators;
import dev.gatehouse.protocol.scope.Scopes;
import dev.gatehouse.protocol.token.IssueRequest;
import dev.gatehouse.protocol.token.TokenIssuer;
import dev.gatehouse.protocol.token.TokenResponse;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The client credentials grant: a confidential client obtains an access token on its own behalf.
 *
 * <p>Each issuance is its own grant (a fresh grant id), there is no subject, and no refresh token. Client
 * authentication (RFC 6749 §4.4.2: "The client MUST authenticate with the authorization server") and the check that the
 * client is registered for this grant happen before {@link #handle} is called.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 §4.4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4.3">RFC 6749 §4.4.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2.2">RFC 8707 §2.2</a>
 */
public final class ClientCredentialsGrantHandler implements GrantHandler {
  private static final Set<String> PARAMETERS = Set.of(TokenRequest.SCOPE, TokenRequest.RESOURCE);

  private final TokenIssuer issuer;

  public ClientCredentialsGrantHandler(TokenIssuer issuer) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
  }

  @Override
  public GrantType grantType() {
    return GrantType.CLIENT_CREDENTIALS;
  }

  /** RFC 6749 §4.4.2 ({@code scope}) and RFC 8707 §2 ({@code resource}). */
  @Override
  public Set<String> parameters() {
    return PARAMETERS;
  }

  @Override
  public TokenResponse handle(TokenRequest request, Client client) {
    // 1. RFC 6749 §4.4: "The client credentials grant type MUST only be used by confidential clients."
    if (client.isPublic()) {
      throw new OAuthException(
          OAuthErrorCode.UNAUTHORIZED_CLIENT, "public client " + client.clientId() + " used client_credentials");
    }
    // 2. RFC 6749 §3.3: "If the client omits the scope parameter when requesting authorization, the authorization
    // server MUST either process the request using a pre-defined default value or fail the request indicating an
    // invalid scope." The default is the client's registered scopes; a requested scope beyond them is invalid_scope
    // (RFC 6749 §5.2: "The requested scope is invalid, unknown, malformed, or exceeds the scope granted by the resource
    // owner.").
    Set<String> scopes =
        request
            .scope()
            .map(raw -> Scopes.requireSubset(Scopes.parse(raw), client.scopes()))
            .orElse(client.scopes());
    // 3. RFC 8707 §2.2: the resources the token is for, each registered for the client (else invalid_target); none
    // named, the default audience.
    Set<String> resources = ResourceIndicators.requested(request.resources(), client.allowedResources());
    // 4. RFC 6749 §4.4.3: "A refresh token SHOULD NOT be included."
    return issuer.issue(
        IssueRequest.of(UUID.randomUUID().toString(), client, new TokenIssuer.Rights(scopes, resources)));
  }
}
