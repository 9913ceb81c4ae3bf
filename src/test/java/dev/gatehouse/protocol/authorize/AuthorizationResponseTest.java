package dev.gatehouse.protocol.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizationResponseTest {
  private static final String ISSUER = "https://as.example";

  @Test
  void rfc9207_2_whenSuccess_thenCodeStateAndIssInQuery() {
    assertEquals(
        "https://c.example/cb?code=abc&state=xyz&iss=https%3A%2F%2Fas.example",
        AuthorizationResponse.success("https://c.example/cb", "abc", Optional.of("xyz"), ISSUER));
  }

  @Test
  void rfc6749_4_1_2_whenStateNotSent_thenNotInResponse() {
    assertEquals(
        "https://c.example/cb?code=abc&iss=https%3A%2F%2Fas.example",
        AuthorizationResponse.success("https://c.example/cb", "abc", Optional.empty(), ISSUER));
  }

  @Test
  void rfc6749_3_1_2_whenRegisteredUriHasQuery_thenQueryRetainedAndParametersAppended() {
    assertEquals(
        "https://c.example/cb?tenant=a%20b&code=abc&iss=https%3A%2F%2Fas.example",
        AuthorizationResponse.success("https://c.example/cb?tenant=a%20b", "abc", Optional.empty(), ISSUER));
    assertEquals(
        "https://c.example/cb?code=abc&iss=https%3A%2F%2Fas.example",
        AuthorizationResponse.success("https://c.example/cb?", "abc", Optional.empty(), ISSUER));
  }

  @Test
  void rfc6749_appendixB_whenStateHasReservedCharacters_thenFormEncoded() {
    assertEquals(
        "https://c.example/cb?code=abc&state=a+b%26c%3Dd%2F%C3%A9&iss=https%3A%2F%2Fas.example",
        AuthorizationResponse.success("https://c.example/cb", "abc", Optional.of("a b&c=d/é"), ISSUER));
  }

  @Test
  void rfc9207_2_whenError_thenErrorDescriptionStateAndIss() {
    assertEquals(
        "https://c.example/cb?error=invalid_scope&error_description=Bad+scope.&state=s&iss=https%3A%2F%2Fas.example",
        AuthorizationResponse.error(
            "https://c.example/cb", OAuthErrorCode.INVALID_SCOPE, "Bad scope.", Optional.of("s"), ISSUER));
  }

  @Test
  void rfc6749_4_1_2_1_whenDescriptionNullOrHasForbiddenCharacters_thenOmittedOrSanitised() {
    assertEquals(
        "https://c.example/cb?error=access_denied&iss=https%3A%2F%2Fas.example",
        AuthorizationResponse.error("https://c.example/cb", OAuthErrorCode.ACCESS_DENIED, null, Optional.empty(), ISSUER));
    assertEquals(
        "https://c.example/cb?error=access_denied&error_description=a+b+c&iss=https%3A%2F%2Fas.example",
        AuthorizationResponse.error(
            "https://c.example/cb", OAuthErrorCode.ACCESS_DENIED, "a\"b\nc", Optional.empty(), ISSUER));
  }

  @Test
  void rfc6749_3_1_2_whenUriHasFragment_thenParametersGoBeforeIt() {
    assertEquals(
        "https://c.example/cb?code=abc&iss=https%3A%2F%2Fas.example#frag",
        AuthorizationResponse.success("https://c.example/cb#frag", "abc", Optional.empty(), ISSUER));
  }
}
