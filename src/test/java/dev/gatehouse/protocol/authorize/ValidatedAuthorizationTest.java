package dev.gatehouse.protocol.authorize;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.oidc.IdTokenHints;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a signed-in user must sign in again: prompt, max_age and id_token_hint (OpenID Connect Core §3.1.2.1). */
class ValidatedAuthorizationTest {
  private static final Instant ARRIVED = Instant.parse("2025-06-01T12:00:00Z");
  private static final Instant NOW = ARRIVED.plusSeconds(5);

  private static ValidatedAuthorization request(Set<String> prompt, Optional<Duration> maxAge,
      Optional<IdTokenHints.Hint> hint) {
    return new ValidatedAuthorization(TestClients.confidential("app"), TestClients.REDIRECT, true, Set.of("openid"),
        Optional.empty(), Optional.empty(), Optional.empty(), prompt, maxAge, Optional.empty(), List.of(), hint);
  }

  @Test
  void whenNoPromptMaxAgeOrHint_thenAnOldSignInSuffices() {
    assertFalse(request(Set.of(), Optional.empty(), Optional.empty())
        .requiresSignIn("alice", ARRIVED.minus(Duration.ofDays(1)), ARRIVED, NOW));
  }

  @Test
  void promptLogin_whenSignInBeforeTheRequest_thenSignInAgain_andAfterItNot() {
    ValidatedAuthorization v = request(Set.of("login"), Optional.empty(), Optional.empty());
    assertTrue(v.requiresSignIn("alice", ARRIVED.minusSeconds(1), ARRIVED, NOW));
    assertFalse(v.requiresSignIn("alice", ARRIVED.plusSeconds(1), ARRIVED, NOW));
  }

  @Test
  void maxAge_whenSignInOlder_thenSignInAgain_whenYounger_thenNot() {
    ValidatedAuthorization v = request(Set.of(), Optional.of(Duration.ofSeconds(60)), Optional.empty());
    assertTrue(v.requiresSignIn("alice", NOW.minusSeconds(61), ARRIVED, NOW));
    assertFalse(v.requiresSignIn("alice", NOW.minusSeconds(59), ARRIVED, NOW));
  }

  @Test
  void maxAgeZero_whenSignedInForThisRequest_thenSatisfied_soNoEndlessLoop() {
    ValidatedAuthorization v = request(Set.of(), Optional.of(Duration.ZERO), Optional.empty());
    assertTrue(v.requiresSignIn("alice", ARRIVED.minusMillis(1), ARRIVED, NOW));
    assertFalse(v.requiresSignIn("alice", ARRIVED.plusMillis(1), ARRIVED, NOW));
  }

  @Test
  void idTokenHint_whenSessionIsAnotherUser_thenSignIn_andAFreshOtherUserIsLoginRequired() {
    ValidatedAuthorization v = request(Set.of(), Optional.empty(),
        Optional.of(new IdTokenHints.Hint("alice", "app", Optional.empty())));
    assertFalse(v.requiresSignIn("alice", ARRIVED.minusSeconds(100), ARRIVED, NOW));
    assertTrue(v.requiresSignIn("bob", ARRIVED.minusSeconds(100), ARRIVED, NOW));
    v.requireHintedUser("alice");
    assertOAuthError(OAuthErrorCode.LOGIN_REQUIRED, () -> v.requireHintedUser("bob"));
  }

  /** Core §3.1.2.1: the hint is about "the End-User's current or past authenticated session": its sid is no test. */
  @Test
  void oidcCore_3_1_2_1_whenHintFromAPastSessionOfTheSameUser_thenNoNewSignIn() {
    ValidatedAuthorization v = request(Set.of(), Optional.empty(),
        Optional.of(new IdTokenHints.Hint("alice", "app", Optional.of("an-ended-session"))));
    assertFalse(v.requiresSignIn("alice", ARRIVED.minusSeconds(100), ARRIVED, NOW));
    v.requireHintedUser("alice");
  }

  @Test
  void promptSelectAccount_whenSignedInBefore_thenTheSignInPageAgain() {
    assertTrue(request(Set.of("select_account"), Optional.empty(), Optional.empty())
        .requiresSignIn("alice", ARRIVED.minusSeconds(1), ARRIVED, NOW));
  }
}
