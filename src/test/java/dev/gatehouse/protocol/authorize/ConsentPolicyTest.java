package dev.gatehouse.protocol.authorize;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.store.InMemoryConsentStore;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentPolicyTest {
  private final InMemoryConsentStore consents = new InMemoryConsentStore();

  @Test
  void rfc6749_10_2_whenNothingGrantedYet_thenConsentRequired() {
    assertTrue(ConsentPolicy.consentRequired(Set.of("openid"), consents.grantedScopes("alice", "app"), Set.of()));
  }

  @Test
  void rfc6749_10_2_whenAllRequestedAlreadyGranted_thenNoConsent() {
    consents.grant("alice", "app", Set.of("openid"));
    consents.grant("alice", "app", Set.of("api"));

    assertFalse(ConsentPolicy.consentRequired(Set.of("openid", "api"), consents.grantedScopes("alice", "app"), Set.of()));
  }

  @Test
  void rfc6749_10_2_whenNewScopeRequested_thenConsentRequired() {
    consents.grant("alice", "app", Set.of("openid"));

    assertTrue(ConsentPolicy.consentRequired(Set.of("openid", "api"), consents.grantedScopes("alice", "app"), Set.of()));
    assertTrue(ConsentPolicy.consentRequired(Set.of("openid"), consents.grantedScopes("bob", "app"), Set.of()));
  }

  @Test
  void oidcCore_3_1_2_1_whenPromptConsent_thenConsentRequiredEvenIfGranted() {
    consents.grant("alice", "app", Set.of("openid"));

    assertTrue(
        ConsentPolicy.consentRequired(Set.of("openid"), consents.grantedScopes("alice", "app"), Set.of("consent")));
  }

  @Test
  void rfc9700_4_11_2_whenASelfRegisteredClientAsksForNothing_thenTheUserIsStillAskedTheFirstTime() {
    assertTrue(ConsentPolicy.consentRequired(Set.of(), consents.consent("alice", "dcr"), Set.of(), true),
        "no code goes to a self-registered redirect URI the user has never seen");
    assertFalse(ConsentPolicy.consentRequired(Set.of(), consents.consent("alice", "op"), Set.of(), false),
        "the operator's clients need no page for no scope");
    consents.grant("alice", "dcr", Set.of());
    assertFalse(ConsentPolicy.consentRequired(Set.of(), consents.consent("alice", "dcr"), Set.of(), true),
        "once answered, the answer is remembered like any other");
  }

  @Test
  void oidcCore_3_1_2_1_firstParty_whenNeverConsented_thenNoConsentPage_butPromptConsentStillAsks() {
    assertFalse(ConsentPolicy.consentRequired(Set.of("openid"), java.util.Optional.empty(), Set.of(), false, true));
    assertTrue(ConsentPolicy.consentRequired(Set.of("openid"), java.util.Optional.empty(), Set.of("consent"), false,
        true));
    assertTrue(ConsentPolicy.implicitConsent(Set.of("openid"), java.util.Optional.empty(), true));
    assertFalse(ConsentPolicy.implicitConsent(Set.of("openid"), java.util.Optional.of(Set.of("openid")), true));
  }

  @Test
  void rfc9700_4_11_2_whenAClientThatRegisteredItselfCarriesFirstParty_thenTheConsentPageIsShownAllTheSame() {
    assertTrue(ConsentPolicy.consentRequired(Set.of(), java.util.Optional.empty(), Set.of(), true, true));
  }
}
