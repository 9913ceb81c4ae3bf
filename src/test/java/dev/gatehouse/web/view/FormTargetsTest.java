package dev.gatehouse.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormTargetsTest {

  @Test
  void cspLevel3_whenTheRedirectUriIsHttps_thenItsOriginIsTheSource() {
    assertEquals(Optional.of("https://app.example.com"), FormTargets.cspSource("https://App.Example.com/cb?x=1"));
    assertEquals(Optional.of("http://127.0.0.1:9"), FormTargets.cspSource("http://127.0.0.1:9/callback"));
    assertEquals(Optional.of("https://app.example.com:8443"), FormTargets.cspSource("https://app.example.com:8443/"));
  }

  @Test
  void rfc8252_7_1_whenTheRedirectUriHasAPrivateUseScheme_thenTheSchemeIsTheSource() {
    assertEquals(Optional.of("com.example.app:"), FormTargets.cspSource("com.example.app:/oauth2redirect"));
    assertEquals("com.example.app:", FormTargets.origin("com.example.app:/oauth2redirect"));
  }

  @Test
  void whenTheHostIsAnIpv6Literal_thenOnlyItsSchemeCanBeNamed() {
    assertEquals(Optional.of("http:"), FormTargets.cspSource("http://[::1]:8080/cb"));
  }

  @Test
  void whenTheUriCouldBreakTheHeader_thenNoSourceIsNamed() {
    assertEquals(Optional.empty(), FormTargets.cspSource("https://a;b.example/cb"));
    assertEquals(Optional.empty(), FormTargets.cspSource("not a uri"));
    assertEquals(Optional.empty(), FormTargets.cspSource("/relative"));
  }

  @Test
  void theOriginForPeopleKeepsThePort() {
    assertEquals("https://app.example.com:8443", FormTargets.origin("https://app.example.com:8443/cb?tenant=a"));
  }
}
