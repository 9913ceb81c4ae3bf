package dev.gatehouse.protocol.logout;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.AccessPolicy;
import dev.gatehouse.protocol.client.ClaimNames;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.OidcRegistration;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.oidc.IdTokenHints;
import dev.gatehouse.protocol.request.Parameters;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.store.InMemoryClientStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The end-session request of OpenID Connect RP-Initiated Logout 1.0: its checks, and what the endpoint does. */
class EndSessionRequestTest {
  private static final String BACK = "https://app.example/logged-out";
  private static final Instant T = Instant.parse("2025-06-01T12:00:00Z");
  private static final SsoSession ALICE = new SsoSession("sid-1", "alice", "alice", T, T, T, T.plusSeconds(3600));

  private static final Map<String, IdTokenHints.Hint> HINTS = Map.of(
      "alice-now", new IdTokenHints.Hint("alice", "app", Optional.of("sid-1")),
      "alice-before", new IdTokenHints.Hint("alice", "app", Optional.of("sid-0")),
      "alice-no-sid", new IdTokenHints.Hint("alice", "app", Optional.empty()),
      "bob-now", new IdTokenHints.Hint("bob", "app", Optional.of("sid-1")),
      "alice-dcr", new IdTokenHints.Hint("alice", "dcr", Optional.of("sid-1")));

  private final InMemoryClientStore clients = new InMemoryClientStore(
      client("app", false, List.of(BACK, "https://app.example/bye?lang=en")), client("dcr", true, List.of(BACK)),
      client("other", false, List.of()));

  private static Client client(String id, boolean selfRegistered, List<String> postLogout) {
    Client c = TestClients.confidential(id);
    return new Client(c.clientId(), c.clientName(), c.authMethod(), c.secretHash(), c.redirectUris(),
        c.grantTypes(), c.scopes(), false, false,
        new OidcRegistration("RS256", OidcRegistration.DEFAULTS.accessTokenFormat(), postLogout, Optional.empty()),
        selfRegistered, Set.of(), AccessPolicy.EVERYONE, false,
        ClaimNames.DEFAULTS);
  }

  /** A stand-in for {@link IdTokenHints#verify}: the named hints are valid, anything else is not. */
  private static IdTokenHints.Hint verify(String token) {
    IdTokenHints.Hint hint = HINTS.get(token);
    if (hint == null) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "not an ID token of this server");
    }
    return hint;
  }

  private EndSessionRequest check(String... nameValuePairs) {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      raw.computeIfAbsent(nameValuePairs[i], n -> new java.util.ArrayList<>()).add(nameValuePairs[i + 1]);
    }
    return EndSessionRequest.check(Parameters.of(raw), EndSessionRequestTest::verify, clients);
  }

  private static EndSessionRequest.Return back(EndSessionRequest.Outcome outcome) {
    return assertInstanceOf(EndSessionRequest.Outcome.EndSession.class, outcome).back().orElseThrow();
  }

  // Checks: every failure is invalid_request, for the error page.

  @Test
  void rpLogout_2_whenHintIsNotAnIdTokenOfThisServer_thenInvalidRequest() {
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> check("id_token_hint", "forged"));
  }

  @Test
  void rpLogout_2_whenClientIdDiffersFromTheHintsClient_thenInvalidRequest() {
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> check("id_token_hint", "alice-now", "client_id", "other"));
  }

  @Test
  void rpLogout_2_whenClientIdEqualsTheHintsClient_thenAccepted() {
    assertEquals("alice", check("id_token_hint", "alice-now", "client_id", "app").hint().orElseThrow().subject());
  }

  @Test
  void rfc6749_3_1_whenAParameterIsRepeated_thenInvalidRequest() {
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> check("state", "a", "state", "b"));
  }

  @Test
  void rpLogout_3_whenRedirectUriWithoutHintOrClientId_thenInvalidRequest() {
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> check("post_logout_redirect_uri", BACK));
  }

  @Test
  void rpLogout_3_whenRedirectUriWithAnUnknownClientId_thenInvalidRequest() {
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST,
        () -> check("client_id", "nobody", "post_logout_redirect_uri", BACK));
  }

  @Test
  void rpLogout_3_whenRedirectUriDoesNotExactlyMatchARegisteredOne_thenInvalidRequest() {
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST,
        () -> check("id_token_hint", "alice-now", "post_logout_redirect_uri", BACK + "/"));
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST,
        () -> check("client_id", "other", "post_logout_redirect_uri", BACK));
  }

  @Test
  void rpLogout_3_whenRedirectUriIsRegisteredForTheClientId_thenItsClientIsKept() {
    EndSessionRequest request = check("client_id", "app", "post_logout_redirect_uri", BACK);
    assertEquals("app", request.client().orElseThrow().clientId());
    assertEquals(Optional.of(BACK), request.postLogoutRedirectUri());
  }

  @Test
  void rpLogout_3_whenRedirectUriIsRegisteredForTheHintsClient_thenItsClientIsKept() {
    assertEquals("app", check("id_token_hint", "alice-now", "post_logout_redirect_uri", BACK).client().orElseThrow()
        .clientId());
  }

  @Test
  void rpLogout_2_whenNoRedirectUri_thenNoClientIsNeeded() {
    EndSessionRequest request = check("state", "s");
    assertTrue(request.client().isEmpty());
    assertTrue(request.postLogoutRedirectUri().isEmpty());
  }

  // Decisions.

  @Test
  void rpLogout_2_whenSignedInAndNoHint_thenAskFirst_namingWhereTheUserGoes() {
    EndSessionRequest.Outcome outcome = check("client_id", "app", "post_logout_redirect_uri", BACK)
        .decide(Optional.of(ALICE), false);
    EndSessionRequest.Outcome.Confirm ask = assertInstanceOf(EndSessionRequest.Outcome.Confirm.class, outcome);
    assertEquals(ALICE, ask.session());
    assertEquals(Optional.of(BACK), ask.postLogoutRedirectUri());
  }

  @Test
  void rpLogout_2_whenHintNamesTheSignedInUserInThisSession_thenEndAtOnceAndRedirect() {
    EndSessionRequest.Return back = back(check("id_token_hint", "alice-now", "post_logout_redirect_uri", BACK)
        .decide(Optional.of(ALICE), false));
    assertTrue(back.redirect());
    assertEquals(BACK, back.location());
  }

  @Test
  void rpLogout_2_whenHintIsFromAnEarlierSessionOfTheSameUser_thenAskFirst() {
    assertInstanceOf(EndSessionRequest.Outcome.Confirm.class,
        check("id_token_hint", "alice-before").decide(Optional.of(ALICE), false));
  }

  @Test
  void rpLogout_2_whenHintHasNoSid_thenAskFirst() {
    assertInstanceOf(EndSessionRequest.Outcome.Confirm.class,
        check("id_token_hint", "alice-no-sid").decide(Optional.of(ALICE), false));
  }

  @Test
  void rpLogout_2_whenHintNamesAnotherUser_thenAskFirst() {
    assertInstanceOf(EndSessionRequest.Outcome.Confirm.class,
        check("id_token_hint", "bob-now").decide(Optional.of(ALICE), false));
  }

  @Test
  void rpLogout_2_whenTheUserConfirmed_thenEndAndRedirect() {
    EndSessionRequest.Return back = back(check("client_id", "app", "post_logout_redirect_uri", BACK)
        .decide(Optional.of(ALICE), true));
    assertTrue(back.redirect());
  }

  @Test
  void rpLogout_2_whenNotSignedIn_thenNothingToAskAndRedirectedAnyway() {
    EndSessionRequest.Return back = back(check("id_token_hint", "alice-now", "post_logout_redirect_uri", BACK)
        .decide(Optional.empty(), false));
    assertTrue(back.redirect());
  }

  @Test
  void rpLogout_2_whenNoRedirectUri_thenTheSignedOutPage() {
    EndSessionRequest.Outcome outcome = check("id_token_hint", "alice-now", "state", "s")
        .decide(Optional.of(ALICE), false);
    assertTrue(assertInstanceOf(EndSessionRequest.Outcome.EndSession.class, outcome).back().isEmpty());
  }

  @Test
  void rpLogout_2_state_whenSent_thenPassedBackEncoded_afterAQueryWithAmpersand() {
    assertEquals(BACK + "?state=s+1%26", back(check("client_id", "app", "post_logout_redirect_uri", BACK,
        "state", "s 1&").decide(Optional.empty(), false)).location());
    assertEquals("https://app.example/bye?lang=en&state=x", back(check("client_id", "app",
        "post_logout_redirect_uri", "https://app.example/bye?lang=en", "state", "x")
        .decide(Optional.empty(), false)).location());
  }

  @Test
  void rfc9700_4_11_2_whenSelfRegisteredClientAndNoMatchingHintOrConfirmation_thenALinkNotARedirect() {
    EndSessionRequest.Return back = back(check("client_id", "dcr", "post_logout_redirect_uri", BACK, "state", "s")
        .decide(Optional.empty(), false));
    assertFalse(back.redirect());
    assertEquals(BACK + "?state=s", back.location());
    assertEquals("dcr", back.client().clientId());
    assertEquals(BACK, back.postLogoutRedirectUri());
  }

  @Test
  void rfc9700_4_11_2_whenSelfRegisteredClientAndNotSignedIn_thenEvenAValidHintGivesALink() {
    assertFalse(back(check("id_token_hint", "alice-dcr", "post_logout_redirect_uri", BACK)
        .decide(Optional.empty(), false)).redirect());
  }

  @Test
  void rfc9700_4_11_2_whenSelfRegisteredClientAndTheHintMatchesTheSession_thenRedirect() {
    assertTrue(back(check("id_token_hint", "alice-dcr", "post_logout_redirect_uri", BACK)
        .decide(Optional.of(ALICE), false)).redirect());
  }

  @Test
  void rfc9700_4_11_2_whenSelfRegisteredClientAndTheUserConfirmed_thenRedirect() {
    assertTrue(back(check("client_id", "dcr", "post_logout_redirect_uri", BACK)
        .decide(Optional.of(ALICE), true)).redirect());
  }
}
