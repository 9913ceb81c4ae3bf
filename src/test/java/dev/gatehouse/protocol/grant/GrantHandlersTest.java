package dev.gatehouse.protocol.grant;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.request.FormBody;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.Parameters;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.token.TokenResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantHandlersTest {
  private final FixedHandler codeHandler = new FixedHandler(GrantType.AUTHORIZATION_CODE, Set.of(TokenRequest.CODE));
  private final FixedHandler refreshHandler =
      new FixedHandler(GrantType.REFRESH_TOKEN, Set.of(TokenRequest.REFRESH_TOKEN));
  private final GrantHandlers handlers = new GrantHandlers(List.of(codeHandler, refreshHandler));
  private final Client app = TestClients.confidential("app");

  private static TokenRequest request(String grantType) {
    return new TokenRequest(
        grantType, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void rfc6749_5_2_whenGrantTypeUnknown_thenUnsupportedGrantType() {
    assertOAuthError(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, () -> handlers.forRequest(request("password"), app));
    assertOAuthError(
        OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, () -> handlers.forRequest(request("Authorization_Code"), app));
  }

  @Test
  void rfc6749_5_2_whenGrantTypeKnownButNotEnabled_thenUnsupportedGrantType() {
    assertOAuthError(
        OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, () -> handlers.forRequest(request("client_credentials"), app));
  }

  @Test
  void rfc6749_5_2_whenClientNotRegisteredForGrant_thenUnauthorizedClient() {
    Client codeOnly = TestClients.withGrants(app, Set.of(GrantType.AUTHORIZATION_CODE));

    assertOAuthError(OAuthErrorCode.UNAUTHORIZED_CLIENT, () -> handlers.forRequest(request("refresh_token"), codeOnly));
  }

  @Test
  void rfc6749_5_2_whenEnabledAndRegistered_thenThatGrantsHandler() {
    assertSame(refreshHandler, handlers.forRequest(request("refresh_token"), app));
    assertSame(refreshHandler.response, handlers.handle(request("refresh_token"), app));
    assertEquals(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), handlers.enabled());
  }

  @Test
  void houseRule1_whenTwoHandlersForOneGrant_thenRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new GrantHandlers(List.of(codeHandler, new FixedHandler(GrantType.AUTHORIZATION_CODE, Set.of()))));
  }

  @Test
  void rfc6749_3_2_whenParsed_thenOnlyTheParametersOfTheNamedGrantAreRead() {
    TokenRequest refresh = handlers.parse(form("grant_type=refresh_token&refresh_token=r&code=a&code=b"));
    TokenRequest code = handlers.parse(form("grant_type=authorization_code&code=c&refresh_token=a&refresh_token=b"));

    assertEquals(Optional.of("r"), refresh.refreshToken());
    assertEquals(Optional.empty(), refresh.code(), "another grant's parameter is dropped, even repeated");
    assertEquals(Optional.of("c"), code.code());
    assertEquals(Optional.empty(), code.refreshToken());
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST,
        () -> handlers.parse(form("grant_type=refresh_token&refresh_token=a&refresh_token=b")));
  }

  @Test
  void rfc6749_5_2_whenParsedForAGrantTypeNotEnabled_thenNoGrantParameterRead_andUnsupportedGrantType() {
    TokenRequest notEnabled = handlers.parse(form("grant_type=client_credentials&scope=a&scope=b&code=c"));

    assertEquals(Optional.empty(), notEnabled.scope());
    assertEquals(Optional.empty(), notEnabled.code());
    assertOAuthError(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, () -> handlers.forRequest(notEnabled, app));
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> handlers.parse(form("scope=a")));
  }

  @Test
  void rfc6749_3_2_whenAHandlerDeclaresAParameterTheRequestDoesNotCarry_thenRegistryRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new GrantHandlers(List.of(new FixedHandler(GrantType.CLIENT_CREDENTIALS, Set.of("username")))));
  }

  private static Parameters form(String body) {
    return FormBody.parse(body.getBytes(StandardCharsets.UTF_8), 8192);
  }

  private static final class FixedHandler implements GrantHandler {
    private final GrantType type;
    private final Set<String> parameters;
    private final TokenResponse response;

    FixedHandler(GrantType type, Set<String> parameters) {
      this.type = type;
      this.parameters = parameters;
      this.response = new TokenResponse("at-" + type.value(), "Bearer", 1, Optional.empty(), "", "g-1", null);
    }

    @Override
    public GrantType grantType() {
      return type;
    }

    @Override
    public Set<String> parameters() {
      return parameters;
    }

    @Override
    public TokenResponse handle(TokenRequest request, Client client) {
      return response;
    }
  }
}
