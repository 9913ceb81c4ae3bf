package dev.gatehouse.protocol.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.gatehouse.protocol.client.AccessPolicy;
import dev.gatehouse.protocol.client.ClaimNames;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.oidc.IdTokenHints;
import dev.gatehouse.protocol.session.SsoSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The authorization endpoint's interaction decision: prompt, max_age, id_token_hint and consent (OpenID Connect Core
 * §3.1.2.1, errors of §3.1.2.6).
 */
class AuthorizationDecisionTest {
  private static final Instant ARRIVED = Instant.parse("2025-06-01T12:00:00Z");
  private static final Instant NOW = ARRIVED.plusSeconds(5);
  private static final Client APP = TestClients.confidential("app");
  private static final Optional<Set<String>> CONSENTED = Optional.of(Set.of("openid", "api"));

  private static SsoSession signedIn(String subject, Instant authTime) {
    return new SsoSession("sid-1", subject, subject, authTime, authTime, authTime, NOW.plusSeconds(3600));
  }

  private static final SsoSession ALICE_EARLIER = signedIn("alice", ARRIVED.minusSeconds(100));

  private static ValidatedAuthorization request(Client client, Set<String> scopes, Set<String> prompt,
      Optional<Duration> maxAge, Optional<IdTokenHints.Hint> hint) {
    return new ValidatedAuthorization(client, TestClients.REDIRECT, true, scopes, Optional.empty(), Optional.empty(),
        Optional.empty(), prompt, maxAge, Optional.empty(), List.of(), hint);
  }

  private static ValidatedAuthorization prompt(String... prompt) {
    return request(APP, Set.of("openid"), Set.of(prompt), Optional.empty(), Optional.empty());
  }

  private static ValidatedAuthorization hinting(String subject, Set<String> prompt) {
    return request(APP, Set.of("openid"), prompt, Optional.empty(),
        Optional.of(new IdTokenHints.Hint(subject, "app", Optional.of("an-ended-session"))));
  }

  private static AuthorizationDecision.Outcome decide(ValidatedAuthorization request, Optional<SsoSession> session,
      Optional<Set<String>> consent) {
    return decide(request, session, consent, AccessPolicy.Member.NOBODY);
  }

  private static AuthorizationDecision.Outcome decide(ValidatedAuthorization request, Optional<SsoSession> session,
      Optional<Set<String>> consent, AccessPolicy.Member member) {
    return AuthorizationDecision.decide(request, session, consent, member, ARRIVED, NOW);
  }

  private static final Client STAFF_ONLY = APP.toBuilder()
      .accessPolicy(new AccessPolicy(Set.of("staff"), Set.of("Finance"))).build();
  private static final Client FIRST_PARTY = APP.toBuilder().firstParty(true).build();
  private static final AccessPolicy.Member STAFF = new AccessPolicy.Member(Set.of("staff"), Set.of());

  private static ValidatedAuthorization to(Client client, String... prompt) {
    return request(client, Set.of("openid"), Set.of(prompt), Optional.empty(), Optional.empty());
  }

  @Test
  void rfc6749_4_1_2_1_whenTheUserIsOutsideTheAccessPolicy_thenRefusedByPolicy_evenWithAnEarlierConsent() {
    AuthorizationDecision.Outcome outcome = decide(to(STAFF_ONLY), Optional.of(ALICE_EARLIER), CONSENTED,
        new AccessPolicy.Member(Set.of("other"), Set.of("Sales")));
    AuthorizationDecision.Outcome.RefusedByPolicy refused =
        assertInstanceOf(AuthorizationDecision.Outcome.RefusedByPolicy.class, outcome);
    assertEquals(ALICE_EARLIER, refused.session());
    assertEquals(OAuthErrorCode.ACCESS_DENIED, refused.toException().code());
  }

  @Test
  void rfc6749_4_1_2_1_whenOutsideTheAccessPolicyWithPromptNone_thenStillAccessDenied_notConsentRequired() {
    assertInstanceOf(AuthorizationDecision.Outcome.RefusedByPolicy.class,
        decide(to(STAFF_ONLY, "none"), Optional.of(ALICE_EARLIER), Optional.empty()));
  }

  @Test
  void whenTheUserHoldsTheRoleOrIsInTheGroup_thenTheUsualDecision() {
    assertIssuedFor(ALICE_EARLIER, decide(to(STAFF_ONLY), Optional.of(ALICE_EARLIER), CONSENTED, STAFF));
    assertIssuedFor(ALICE_EARLIER, decide(to(STAFF_ONLY), Optional.of(ALICE_EARLIER), CONSENTED,
        new AccessPolicy.Member(Set.of(), Set.of("finance"))));
    assertInstanceOf(AuthorizationDecision.Outcome.ShowConsent.class,
        decide(to(STAFF_ONLY), Optional.of(ALICE_EARLIER), Optional.empty(), STAFF));
  }

  @Test
  void whenNotSignedIn_thenTheSignInPageComesBeforeThePolicy() {
    assertInstanceOf(AuthorizationDecision.Outcome.ShowSignIn.class,
        decide(to(STAFF_ONLY), Optional.empty(), Optional.empty()));
  }

  @Test
  void firstParty_whenTheUserNeverConsented_thenTheCodeIsIssuedWithConsentGrantedImplicitly() {
    AuthorizationDecision.Outcome.IssueCode issue = assertInstanceOf(AuthorizationDecision.Outcome.IssueCode.class,
        decide(to(FIRST_PARTY), Optional.of(ALICE_EARLIER), Optional.empty()));
    assertEquals(ALICE_EARLIER, issue.session());
    assertEquals(true, issue.implicitConsent());
  }

  @Test
  void firstParty_whenTheUserAlreadyConsentedToTheScopes_thenNoImplicitConsentIsRecordedAgain() {
    AuthorizationDecision.Outcome.IssueCode issue = assertInstanceOf(AuthorizationDecision.Outcome.IssueCode.class,
        decide(to(FIRST_PARTY), Optional.of(ALICE_EARLIER), CONSENTED));
    assertEquals(false, issue.implicitConsent());
  }

  @Test
  void oidcCore_3_1_2_1_firstParty_whenPromptConsent_thenTheConsentPageIsStillShown() {
    assertInstanceOf(AuthorizationDecision.Outcome.ShowConsent.class,
        decide(to(FIRST_PARTY, "consent"), Optional.of(ALICE_EARLIER), CONSENTED));
  }

  @Test
  void firstParty_whenPromptNoneWithoutConsent_thenTheCodeIsIssued_notConsentRequired() {
    assertInstanceOf(AuthorizationDecision.Outcome.IssueCode.class,
        decide(to(FIRST_PARTY, "none"), Optional.of(ALICE_EARLIER), Optional.empty()));
  }

  @Test
  void firstParty_whenAlsoOutsideItsAccessPolicy_thenRefusedByPolicy() {
    Client both = FIRST_PARTY.toBuilder().accessPolicy(new AccessPolicy(Set.of("staff"), Set.of())).build();
    assertInstanceOf(AuthorizationDecision.Outcome.RefusedByPolicy.class,
        decide(to(both), Optional.of(ALICE_EARLIER), Optional.empty()));
  }

  private static void assertRefused(OAuthErrorCode expected, AuthorizationDecision.Outcome outcome) {
    AuthorizationDecision.Outcome.Refuse refused = assertInstanceOf(AuthorizationDecision.Outcome.Refuse.class, outcome);
    assertEquals(expected, refused.error());
    assertEquals(expected, refused.toException().code());
  }

  private static void assertIssuedFor(SsoSession session, AuthorizationDecision.Outcome outcome) {
    assertEquals(session, assertInstanceOf(AuthorizationDecision.Outcome.IssueCode.class, outcome).session());
  }

  @Test
  void oidcCore_3_1_2_1_whenSignedInAndConsented_thenIssueTheCodeForThatSession() {
    assertIssuedFor(ALICE_EARLIER, decide(prompt(), Optional.of(ALICE_EARLIER), CONSENTED));
  }

  @Test
  void oidcCore_3_1_2_1_whenNoSession_thenShowSignIn_evenWithAnEarlierConsent() {
    assertInstanceOf(AuthorizationDecision.Outcome.ShowSignIn.class, decide(prompt(), Optional.empty(), CONSENTED));
  }

  @Test
  void oidcCore_3_1_2_6_whenNoSessionAndPromptNone_thenLoginRequired() {
    assertRefused(OAuthErrorCode.LOGIN_REQUIRED, decide(prompt("none"), Optional.empty(), CONSENTED));
  }

  @Test
  void oidcCore_3_1_2_1_whenPromptNoneAndSignedInAndConsented_thenIssueTheCode() {
    assertIssuedFor(ALICE_EARLIER, decide(prompt("none"), Optional.of(ALICE_EARLIER), CONSENTED));
  }

  @Test
  void oidcCore_3_1_2_1_promptLogin_whenSignedInBeforeTheRequest_thenShowSignIn() {
    assertInstanceOf(AuthorizationDecision.Outcome.ShowSignIn.class,
        decide(prompt("login"), Optional.of(ALICE_EARLIER), CONSENTED));
  }

  @Test
  void oidcCore_3_1_2_1_promptLogin_whenSignedInAfterTheRequestArrived_thenIssueTheCode() {
    SsoSession fresh = signedIn("alice", ARRIVED.plusSeconds(1));
    assertIssuedFor(fresh, decide(prompt("login"), Optional.of(fresh), CONSENTED));
  }

  @Test
  void oidcCore_3_1_2_1_promptSelectAccount_whenSignedInBeforeTheRequest_thenShowSignIn() {
    assertInstanceOf(AuthorizationDecision.Outcome.ShowSignIn.class,
        decide(prompt("select_account"), Optional.of(ALICE_EARLIER), CONSENTED));
  }

  @Test
  void oidcCore_3_1_2_1_maxAge_whenTheSignInIsOlder_thenShowSignIn_andWithPromptNoneLoginRequired() {
    ValidatedAuthorization v = request(APP, Set.of("openid"), Set.of(), Optional.of(Duration.ofSeconds(60)),
        Optional.empty());
    assertInstanceOf(AuthorizationDecision.Outcome.ShowSignIn.class,
        decide(v, Optional.of(ALICE_EARLIER), CONSENTED));
    ValidatedAuthorization none = request(APP, Set.of("openid"), Set.of("none"), Optional.of(Duration.ofSeconds(60)),
        Optional.empty());
    assertRefused(OAuthErrorCode.LOGIN_REQUIRED, decide(none, Optional.of(ALICE_EARLIER), CONSENTED));
  }

  @Test
  void oidcCore_3_1_2_1_maxAge_whenTheSignInIsYounger_thenIssueTheCode() {
    SsoSession recent = signedIn("alice", NOW.minusSeconds(59));
    ValidatedAuthorization v = request(APP, Set.of("openid"), Set.of(), Optional.of(Duration.ofSeconds(60)),
        Optional.empty());
    assertIssuedFor(recent, decide(v, Optional.of(recent), CONSENTED));
  }

  @Test
  void oidcCore_3_1_2_1_idTokenHint_whenTheSessionIsAnotherUsers_thenShowSignIn_andWithPromptNoneLoginRequired() {
    assertInstanceOf(AuthorizationDecision.Outcome.ShowSignIn.class,
        decide(hinting("bob", Set.of()), Optional.of(ALICE_EARLIER), CONSENTED));
    assertRefused(OAuthErrorCode.LOGIN_REQUIRED,
        decide(hinting("bob", Set.of("none")), Optional.of(ALICE_EARLIER), CONSENTED));
  }

  @Test
  void oidcCore_3_1_2_1_idTokenHint_whenTheUserHasJustSignedInAsSomeoneElse_thenLoginRequired() {
    SsoSession fresh = signedIn("alice", ARRIVED.plusSeconds(1));
    assertRefused(OAuthErrorCode.LOGIN_REQUIRED, decide(hinting("bob", Set.of()), Optional.of(fresh), CONSENTED));
  }

  @Test
  void oidcCore_3_1_2_1_idTokenHint_whenItNamesTheSignedInUserFromAPastSession_thenIssueTheCode() {
    assertIssuedFor(ALICE_EARLIER, decide(hinting("alice", Set.of()), Optional.of(ALICE_EARLIER), CONSENTED));
  }

  @Test
  void rfc6749_10_2_whenTheUserNeverConsented_thenShowConsent_andWithPromptNoneConsentRequired() {
    AuthorizationDecision.Outcome ask = decide(prompt(), Optional.of(ALICE_EARLIER), Optional.empty());
    assertEquals(ALICE_EARLIER, assertInstanceOf(AuthorizationDecision.Outcome.ShowConsent.class, ask).session());
    assertRefused(OAuthErrorCode.CONSENT_REQUIRED, decide(prompt("none"), Optional.of(ALICE_EARLIER),
        Optional.empty()));
  }

  @Test
  void rfc6749_10_2_whenAScopeBeyondTheEarlierConsentIsRequested_thenShowConsent() {
    ValidatedAuthorization v = request(APP, Set.of("openid", "email"), Set.of(), Optional.empty(), Optional.empty());
    assertInstanceOf(AuthorizationDecision.Outcome.ShowConsent.class,
        decide(v, Optional.of(ALICE_EARLIER), CONSENTED));
  }

  @Test
  void oidcCore_3_1_2_1_promptConsent_whenConsentedBefore_thenShowConsentAgain() {
    assertInstanceOf(AuthorizationDecision.Outcome.ShowConsent.class,
        decide(prompt("consent"), Optional.of(ALICE_EARLIER), CONSENTED));
  }

  @Test
  void rfc9700_4_11_2_whenASelfRegisteredClientWasNeverConsentedTo_thenShowConsent_evenForNoScope() {
    Client dcr = new Client(APP.clientId(), APP.clientName(), APP.authMethod(), APP.secretHash(), APP.redirectUris(),
        APP.grantTypes(), APP.scopes(), false, false, APP.oidc(), true, Set.of(), AccessPolicy.EVERYONE, false,
        ClaimNames.DEFAULTS);
    ValidatedAuthorization v = request(dcr, Set.of(), Set.of(), Optional.empty(), Optional.empty());
    assertInstanceOf(AuthorizationDecision.Outcome.ShowConsent.class,
        decide(v, Optional.of(ALICE_EARLIER), Optional.empty()));
    assertIssuedFor(ALICE_EARLIER, decide(v, Optional.of(ALICE_EARLIER), Optional.of(Set.of())));
  }
}
