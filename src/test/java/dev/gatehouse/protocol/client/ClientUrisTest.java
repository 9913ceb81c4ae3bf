package dev.gatehouse.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
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

  @ParameterizedTest
  @ValueSource(strings = {"https:///cb", "https://a_b.example/cb", "http:///cb"})
  void rfc6749_3_1_2_whenWebUriNamesNoValidHost_thenRefused(String uri) {
    assertEquals(Optional.of("must name a valid host"), ClientUris.redirectUriProblem(uri));
  }

  @Test
  void rfc8252_7_1_whenPrivateUseSchemeWithoutHost_thenAccepted() {
    assertEquals(Optional.empty(), ClientUris.redirectUriProblem("com.example.app:/oauth2redirect"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(document.domain)", "javascript://%0Aalert(document.domain)",
      "JavaScript://x/%0Aalert(1)", "javascript:/alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
      "data:/text/html,x", "vbscript://x/msgbox", "file:///etc/passwd", "file://server/share/cb",
      "blob:https://app.example.com/0b7a", "about:blank", "about://blank/x", "filesystem:https://app.example.com/t",
      "view-source:https://app.example.com/", "intent://cb#Intent;scheme=x;end", "chrome-extension://abc/cb"})
  void rfc9700_4_whenSchemeIsRunOrReadByTheBrowser_thenRefusedWhoeverRegisters(String uri) {
    assertTrue(ClientUris.redirectUriProblem(uri, false).isPresent(), uri);
    assertTrue(ClientUris.redirectUriProblem(uri, true).isPresent(), uri);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://user:pw@app.example.com/cb", "https://user@app.example.com/cb",
      "http://user:pw@127.0.0.1/cb", "com.example.app://user@cb/x", "https://app.example.com@evil.example/cb"})
  void rfc3986_3_2_1_whenUserInformation_thenRefused(String uri) {
    assertTrue(ClientUris.redirectUriProblem(uri).isPresent(), uri);
  }

  @Test
  void rfc8252_7_1_whenSelfRegisteredPrivateUseSchemeIsNoReverseDomainName_thenRefused() {
    assertTrue(ClientUris.redirectUriProblem("myapp:/oauth2redirect", true).isPresent());
    assertEquals(Optional.empty(), ClientUris.redirectUriProblem("myapp:/oauth2redirect", false),
        "the operator's own native app may keep its scheme");
    assertEquals(Optional.empty(), ClientUris.redirectUriProblem("com.example.app:/oauth2redirect", true));
    assertEquals(Optional.empty(), ClientUris.redirectUriProblem("https://app.example.com/cb", true));
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
      "urn:example:logout", "https://user:pw@app.example.com/logout", "http://admin@intranet/bcl",
      "javascript://x/%0Aalert(1)", "data:text/plain,x", "file:///tmp/x"})
  void backchannel_2_2_whenFragmentRelativeUserInfoOrOtherScheme_thenRefused(String uri) {
    assertTrue(ClientUris.backchannelLogoutUriProblem(uri).isPresent(), uri);
  }
}
