package dev.gatehouse.protocol.request;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenRequestTest {

  private static Parameters form(String body) {
    return FormBody.parse(body.getBytes(StandardCharsets.UTF_8), 8192);
  }

  @Test
  void rfc6749_4_1_3_whenAllParametersOnce_thenRead() {
    TokenRequest r =
        TokenRequest.from(
            form("grant_type=authorization_code&code=c&redirect_uri=https%3A%2F%2Fa%2Fcb&code_verifier=v&scope=a+b"));

    assertEquals("authorization_code", r.grantType());
    assertEquals(Optional.of("c"), r.code());
    assertEquals(Optional.of("https://a/cb"), r.redirectUri());
    assertEquals(Optional.of("v"), r.codeVerifier());
    assertEquals(Optional.of("a b"), r.scope());
    assertEquals(Optional.empty(), r.refreshToken());
  }

  @Test
  void rfc6749_4_1_3_whenGrantTypeMissing_thenInvalidRequest() {
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> TokenRequest.from(form("code=c")));
  }

  @Test
  void rfc6749_3_2_whenGrantTypeRepeated_thenInvalidRequest() {
    assertOAuthError(
        OAuthErrorCode.INVALID_REQUEST,
        () -> TokenRequest.from(form("grant_type=authorization_code&grant_type=refresh_token")));
  }

  @Test
  void rfc6749_3_2_whenAnyReadParameterRepeated_thenInvalidRequest() {
    for (String name :
        new String[] {"code", "redirect_uri", "code_verifier", "refresh_token", "scope", "client_id", "client_secret"}) {
      Parameters p = form("grant_type=authorization_code&" + name + "=a&" + name + "=b");
      assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> TokenRequest.from(p));
    }
  }

  @Test
  void rfc6749_3_2_whenUnknownParameterRepeated_thenIgnored() {
    TokenRequest r = TokenRequest.from(form("grant_type=refresh_token&refresh_token=r&x=1&x=2"));

    assertEquals(Optional.of("r"), r.refreshToken());
  }

  @Test
  void houseRule8_whenPrinted_thenNoCodeVerifierOrRefreshTokenValues() {
    TokenRequest r =
        TokenRequest.from(form("grant_type=authorization_code&code=CODEVALUE&code_verifier=VERIFIERVALUE&refresh_token=RT"));

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
