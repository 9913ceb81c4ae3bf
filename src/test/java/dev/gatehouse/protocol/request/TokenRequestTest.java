package dev.gatehouse.protocol.request;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRequestTest {

  private static TokenRequest readingEveryGrantParameter(String body) {
    return TokenRequest.from(form(body), TokenRequest.GRANT_PARAMETERS);
  }

  private static Parameters form(String body) {
    return FormBody.parse(body.getBytes(StandardCharsets.UTF_8), 8192);
  }

  @Test
  void rfc6749_4_1_3_whenAllParametersOnce_thenRead() {
    TokenRequest r =
        readingEveryGrantParameter(
            "grant_type=authorization_code&code=c&redirect_uri=https%3A%2F%2Fa%2Fcb&code_verifier=v&scope=a+b");

    assertEquals("authorization_code", r.grantType());
    assertEquals(Optional.of("c"), r.code());
    assertEquals(Optional.of("https://a/cb"), r.redirectUri());
    assertEquals(Optional.of("v"), r.codeVerifier());
    assertEquals(Optional.of("a b"), r.scope());
    assertEquals(Optional.empty(), r.refreshToken());
  }

  @Test
  void rfc6749_4_1_3_whenGrantTypeMissing_thenInvalidRequest() {
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> readingEveryGrantParameter("code=c"));
  }

  @Test
  void rfc6749_3_2_whenGrantTypeRepeated_thenInvalidRequest() {
    assertOAuthError(
        OAuthErrorCode.INVALID_REQUEST,
        () -> readingEveryGrantParameter("grant_type=authorization_code&grant_type=refresh_token"));
  }

  @Test
  void rfc6749_3_2_whenAnyReadParameterRepeated_thenInvalidRequest() {
    for (String name :
        new String[] {"code", "redirect_uri", "code_verifier", "refresh_token", "scope", "client_id", "client_secret"}) {
      Parameters p = form("grant_type=authorization_code&" + name + "=a&" + name + "=b");
      assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> TokenRequest.from(p, TokenRequest.GRANT_PARAMETERS));
    }
  }

  @Test
  void rfc6749_3_2_whenUnknownParameterRepeated_thenIgnored() {
    TokenRequest r = readingEveryGrantParameter("grant_type=refresh_token&refresh_token=r&x=1&x=2");

    assertEquals(Optional.of("r"), r.refreshToken());
  }

  @Test
  void rfc6749_3_2_whenGrantParameterNotAccepted_thenDroppedEvenRepeated_andItsFieldEmpty() {
    TokenRequest r = TokenRequest.from(
        form("grant_type=refresh_token&refresh_token=r&code=a&code=b&redirect_uri=u&code_verifier=v&scope=s&scope=t"
            + "&resource=https%3A%2F%2Fa.example%2F"),
        Set.of(TokenRequest.REFRESH_TOKEN));

    assertEquals(Optional.of("r"), r.refreshToken());
    assertEquals(Optional.empty(), r.code());
    assertEquals(Optional.empty(), r.redirectUri());
    assertEquals(Optional.empty(), r.codeVerifier());
    assertEquals(Optional.empty(), r.scope());
    assertEquals(List.of(), r.resources());
  }

  @Test
  void rfc6749_3_2_whenAcceptedParameterRepeated_thenStillInvalidRequest_andEndpointParametersAlwaysChecked() {
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> TokenRequest.from(
        form("grant_type=refresh_token&refresh_token=a&refresh_token=b"), Set.of(TokenRequest.REFRESH_TOKEN)));
    for (String name : new String[] {"client_id", "client_secret"}) {
      assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> TokenRequest.from(
          form("grant_type=refresh_token&" + name + "=a&" + name + "=b"), Set.of()));
    }
  }

  @Test
  void whenAcceptedSetNamesAParameterTheRequestDoesNotCarry_thenRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> TokenRequest.from(form("grant_type=password&username=u"), Set.of("username")));
  }

  @Test
  void houseRule8_whenPrinted_thenNoCodeVerifierOrRefreshTokenValues() {
    TokenRequest r =
        readingEveryGrantParameter(
            "grant_type=authorization_code&code=CODEVALUE&code_verifier=VERIFIERVALUE&refresh_token=RT");

    assertFalse(r.toString().contains("CODEVALUE"));
    assertFalse(r.toString().contains("VERIFIERVALUE"));
    assertFalse(r.toString().contains("=RT"));
  }

  @Test
  void rfc6749_5_2_whenGrantTypeValueLookedUp_thenExactCaseSensitiveMatch() {
    assertEquals(Optional.of(GrantType.REFRESH_TOKEN), GrantType.fromValue("refresh_token"));
    assertEquals(Optional.empty(), GrantType.fromValue("Refresh_Token"));
    assertEquals(Optional.empty(), GrantType.fromValue("password"));
    assertEquals(Optional.empty(), GrantType.fromValue(null));
  }
}
