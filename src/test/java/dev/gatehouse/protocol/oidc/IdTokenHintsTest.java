package dev.gatehouse.protocol.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.store.InMemoryUserDirectory;
import dev.gatehouse.protocol.support.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdTokenHintsTest {
  private static final String ISSUER = "https://login.example";

  private final MutableClock clock = MutableClock.startingAt2025();
  private final TestSigner signer = new TestSigner();
  private final InMemoryUserDirectory users = new InMemoryUserDirectory().add(new UserClaims("sub-1", "alice",
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false,
      Optional.empty(), Optional.empty(), Map.of(), clock.instant()));
  private final IdTokenHints hints = new IdTokenHints(signer, ISSUER);

  private String idToken(TestSigner by, String issuer) {
    return new IdTokenIssuer(by, users, issuer, Duration.ofMinutes(10), clock).issue(TestClients.confidential("app"),
        "sub-1", Set.of("openid"), new IdTokenIssuer.Authentication(clock.instant(), Optional.empty(),
            Optional.of("sid-1")), "at");
  }

  @Test
  void oidcCore_3_1_2_1_whenOwnIdToken_thenSubjectClientAndSession() {
    IdTokenHints.Hint hint = hints.verify(idToken(signer, ISSUER), Optional.of("app"));
    assertEquals("sub-1", hint.subject());
    assertEquals("app", hint.clientId());
    assertEquals(Optional.of("sid-1"), hint.sessionId());
  }

  @Test
  void rpInitiatedLogout_whenHintExpired_thenStillAccepted() {
    String token = idToken(signer, ISSUER);
    clock.advance(Duration.ofDays(2));
    assertEquals("sub-1", hints.verify(token, Optional.empty()).subject());
  }

  @Test
  void whenIssuedToAnotherClient_thenInvalidRequest() {
    assertInvalid(idToken(signer, ISSUER), Optional.of("other"));
  }

  @Test
  void whenSignedByAKeyThisServerDoesNotPublish_thenInvalidRequest() {
    assertInvalid(idToken(new TestSigner(), ISSUER), Optional.of("app"));
  }

  @Test
  void whenAnotherIssuer_thenInvalidRequest() {
    assertInvalid(idToken(signer, "https://evil.example"), Optional.of("app"));
  }

  @Test
  void whenMalformedOrUnsigned_thenInvalidRequest() {
    assertInvalid("not-a-jwt", Optional.empty());
    String token = idToken(signer, ISSUER);
    assertInvalid(token.substring(0, token.lastIndexOf('.') + 1), Optional.empty());
    // alg "none" with the same payload
    String none = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertInvalid(none + token.substring(token.indexOf('.'), token.lastIndexOf('.') + 1), Optional.empty());
  }

  private void assertInvalid(String hint, Optional<String> clientId) {
    OAuthException e = assertThrows(OAuthException.class, () -> hints.verify(hint, clientId));
    assertEquals(OAuthErrorCode.INVALID_REQUEST, e.code());
  }
}
