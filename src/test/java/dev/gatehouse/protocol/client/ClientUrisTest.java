package dev.gatehouse.protocol.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientUrisTest {

  @ParameterizedTest
  @ValueSource(strings = {"https://app.example.com/cb", "https://app.example.com/cb?tenant=a",
      "http://localhost:8080/cb", "http://127.0.0.1/cb", "http://[::1]:9/cb", "com.example.app:/oauth2redirect"})
  void rfc6749_3_1_2_whenAbsoluteWithoutFragment_thenAccepted(String uri) {
    assertTrue(ClientUris.redirectUriProblem(uri).isEmpty(), uri);
  }

  @Test
  void rfc6749_3_1_2_whenFragment_thenRefused() {
    assertTrue(ClientUris.redirectUriProblem("https://app.example.com/cb#x").isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/cb", "cb", "//app.example.com/cb", "mailto:someone@example.com"})
  void rfc6749_3_1_2_whenRelativeOrOpaque_thenRefused(String uri) {
    assertTrue(ClientUris.redirectUriProblem(uri).isPresent(), uri);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://app.example.com/cb", "http://10.0.0.1/cb", "http://localhost.evil.example/cb",
      "HTTP://app.example.com/cb"})
  void rfc8252_7_3_whenPlainHttpOffLoopback_thenRefused(String uri) {
    assertTrue(ClientUris.redirectUriProblem(uri).isPresent(), uri);
  }

  @Test
  void whenNotAUri_thenRefused() {
    assertTrue(ClientUris.redirectUriProblem("https://app.example.com/a b").isPresent());
    assertTrue(ClientUris.backchannelLogoutUriProblem("http://intranet/ a").isPresent());
  }

  @Test
  void whenLongerThanTheColumn_thenRefused() {
    String longUri = "https://app.example.com/" + "a".repeat(ClientUris.MAX_LENGTH);
    assertTrue(ClientUris.redirectUriProblem(longUri).isPresent());
    assertTrue(ClientUris.backchannelLogoutUriProblem(longUri).isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://intranet.corp.local/oidc/logout", "https://app.example.com/logout?tenant=a",
      "http://10.1.2.3:8080/bcl"})
  void backchannel_2_2_whenAbsoluteHttpOrHttpsWithoutFragment_thenAccepted(String uri) {
    assertTrue(ClientUris.backchannelLogoutUriProblem(uri).isEmpty(), uri);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://app.example.com/logout#f", "/logout", "ftp://app.example.com/logout",
      "urn:example:logout"})
  void backchannel_2_2_whenFragmentRelativeOrOtherScheme_thenRefused(String uri) {
    assertTrue(ClientUris.backchannelLogoutUriProblem(uri).isPresent(), uri);
  }
}
