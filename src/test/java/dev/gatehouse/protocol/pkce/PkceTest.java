package dev.gatehouse.protocol.pkce;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PkceTest {
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
  private static final Optional<String> S256 = Optional.of("S256");

  @Test
  void rfc7636_appendixB_whenVerifierTransformed_thenPublishedChallenge() {
    assertEquals(CHALLENGE, Pkce.s256(VERIFIER));
  }

  @Test
  void rfc7636_4_6_whenVerifierMatches_thenAccepted() {
    assertDoesNotThrow(() -> Pkce.verify(CHALLENGE, Optional.of(VERIFIER)));
  }

  @Test
  void rfc7636_4_6_whenVerifierDoesNotMatchS256_thenInvalidGrant() {
    String other = "eBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> Pkce.verify(CHALLENGE, Optional.of(other)));
  }

  @Test
  void rfc7636_4_6_whenVerifierIsTheChallengeItself_thenInvalidGrant() {
    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> Pkce.verify(CHALLENGE, Optional.of(CHALLENGE)));
  }

  @Test
  void rfc9700_2_1_1_whenChallengeStoredAndVerifierMissing_thenInvalidGrant() {
    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> Pkce.verify(CHALLENGE, Optional.empty()));
  }

  @Test
  void rfc9700_4_8_2_whenNoChallengeStoredAndVerifierSent_thenInvalidGrant() {
    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> Pkce.verify(null, Optional.of(VERIFIER)));
  }

  @Test
  void rfc7636_4_6_whenNoChallengeAndNoVerifier_thenAccepted() {
    assertDoesNotThrow(() -> Pkce.verify(null, Optional.empty()));
  }

  @Test
  void rfc7636_4_1_whenVerifierTooShortTooLongOrBadCharacters_thenInvalidRequest() {
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> Pkce.verify(CHALLENGE, Optional.of("a".repeat(42))));
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> Pkce.verify(CHALLENGE, Optional.of("a".repeat(129))));
    assertOAuthError(
        OAuthErrorCode.INVALID_REQUEST, () -> Pkce.verify(CHALLENGE, Optional.of("a".repeat(42) + "+")));
  }

  @Test
  void rfc7636_4_1_whenVerifierAtLengthBoundsWithAllUnreservedCharacters_thenOnlyMismatch() {
    String min = "Az09-._~" + "a".repeat(35);
    String max = "Az09-._~" + "a".repeat(120);

    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> Pkce.verify(CHALLENGE, Optional.of(min)));
    assertOAuthError(OAuthErrorCode.INVALID_GRANT, () -> Pkce.verify(CHALLENGE, Optional.of(max)));
    assertDoesNotThrow(() -> Pkce.verify(Pkce.s256(max), Optional.of(max)));
  }

  @Test
  void rfc7636_4_3_whenS256Challenge_thenAccepted() {
    assertDoesNotThrow(() -> Pkce.validateChallenge(Optional.of(CHALLENGE), S256, true));
  }

  @Test
  void rfc7636_4_4_1_whenMethodPlain_thenInvalidRequest() {
    assertOAuthError(
        OAuthErrorCode.INVALID_REQUEST,
        () -> Pkce.validateChallenge(Optional.of(VERIFIER), Optional.of("plain"), false));
  }

  @Test
  void rfc7636_4_3_whenMethodOmittedSoDefaultsToPlain_thenInvalidRequest() {
    assertOAuthError(
        OAuthErrorCode.INVALID_REQUEST, () -> Pkce.validateChallenge(Optional.of(CHALLENGE), Optional.empty(), false));
  }

  @Test
  void rfc7636_4_3_whenMethodCaseDiffers_thenInvalidRequest() {
    assertOAuthError(
        OAuthErrorCode.INVALID_REQUEST,
        () -> Pkce.validateChallenge(Optional.of(CHALLENGE), Optional.of("s256"), false));
  }

  @Test
  void rfc7636_4_3_whenMethodWithoutChallenge_thenInvalidRequest() {
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> Pkce.validateChallenge(Optional.empty(), S256, false));
  }

  @Test
  void rfc7636_4_4_1_whenRequiredAndChallengeMissing_thenInvalidRequest() {
    assertOAuthError(
        OAuthErrorCode.INVALID_REQUEST, () -> Pkce.validateChallenge(Optional.empty(), Optional.empty(), true));
  }

  @Test
  void rfc7636_4_4_1_whenNotRequiredAndChallengeMissing_thenAccepted() {
    assertDoesNotThrow(() -> Pkce.validateChallenge(Optional.empty(), Optional.empty(), false));
  }

  @Test
  void rfc7636_4_2_whenChallengeIsNotBase64UrlSha256_thenInvalidRequest() {
    assertOAuthError(
        OAuthErrorCode.INVALID_REQUEST,
        () -> Pkce.validateChallenge(Optional.of(CHALLENGE.substring(1)), S256, false));
    assertOAuthError(
        OAuthErrorCode.INVALID_REQUEST,
        () -> Pkce.validateChallenge(Optional.of(CHALLENGE.substring(1) + "+"), S256, false));
    assertOAuthError(
        OAuthErrorCode.INVALID_REQUEST, () -> Pkce.validateChallenge(Optional.of(CHALLENGE + "="), S256, false));
  }
}
