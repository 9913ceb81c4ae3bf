package dev.gatehouse.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.error.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The claim-name fields groups_claim_name and roles_claim_name, and who may set them. */
class ClaimNamesTest {

  private static List<String> fields(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::field).toList();
  }

  @Test
  void whenAbsent_thenTheDefaultNames() {
    assertEquals(List.of(), ClaimNames.problems(null, null, false));
    assertEquals(new ClaimNames("groups", "roles"), ClaimNames.of(null, null));
  }

  @Test
  void whenAnOperatorNamesOthers_thenTheyAreKept_evenAUri() {
    String uri = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups";
    assertEquals(List.of(), ClaimNames.problems(uri, "memberOf", false));
    assertEquals(new ClaimNames(uri, "memberOf"), ClaimNames.of(uri, "memberOf"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sub", "iss", "aud", "exp", "iat", "nbf", "jti", "scope", "client_id", "azp", "nonce",
      "auth_time", "sid", "at_hash", "cnf", "act", "active", "token_type", "username", "email", "name"})
  void rfc7519_4_1_whenANameIsARegisteredClaim_thenRefused(String reserved) {
    assertEquals(List.of(ClientMetadata.GROUPS_CLAIM_NAME), fields(ClaimNames.problems(reserved, null, false)));
    assertEquals(List.of(ClientMetadata.ROLES_CLAIM_NAME), fields(ClaimNames.problems(null, reserved, false)));
  }

  @Test
  void whenBothNamesAreTheSame_thenRefused_evenWhenOneIsTheOthersDefault() {
    assertEquals(List.of(ClientMetadata.ROLES_CLAIM_NAME), fields(ClaimNames.problems("memberOf", "memberOf", false)));
    assertEquals(List.of(ClientMetadata.ROLES_CLAIM_NAME), fields(ClaimNames.problems("roles", null, false)));
    assertEquals(List.of(ClientMetadata.ROLES_CLAIM_NAME), fields(ClaimNames.problems(null, "groups", false)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "member of", "gr\u00fcppen", "tab\there"})
  void whenANameIsNotVisibleAscii_thenRefused(String name) {
    assertEquals(List.of(ClientMetadata.GROUPS_CLAIM_NAME), fields(ClaimNames.problems(name, null, false)));
  }

  @Test
  void whenANameIsLongerThanItsColumn_thenRefused() {
    assertEquals(List.of(), ClaimNames.problems("g".repeat(ClaimNames.MAX_LENGTH), null, false));
    assertEquals(List.of(ClientMetadata.GROUPS_CLAIM_NAME),
        fields(ClaimNames.problems("g".repeat(ClaimNames.MAX_LENGTH + 1), null, false)));
  }

  @Test
  void rfc7591_whenAClientRegistersItselfWithOtherNames_thenRefused_butTheDefaultsItWasShownPass() {
    assertEquals(List.of(ClientMetadata.GROUPS_CLAIM_NAME, ClientMetadata.ROLES_CLAIM_NAME),
        fields(ClaimNames.problems("memberOf", "https://rs.example/admin", true)));
    assertEquals(List.of(), ClaimNames.problems("groups", "roles", true));
  }

  @Test
  void whenCheckedAsARegistration_thenTheClientCarriesTheNames_orTheFieldsProblems() {
    ClientMetadata named = metadata("memberOf", "app-roles");
    ClientMetadataRules.Checked ok = ClientMetadataRules.check(named, ClientMetadataRules.Origin.ADMINISTRATION);
    assertEquals(new ClaimNames("memberOf", "app-roles"), ok.client().orElseThrow().claimNames());

    ClientMetadataRules.Checked refused =
        ClientMetadataRules.check(metadata("sub", null), ClientMetadataRules.Origin.ADMINISTRATION);
    assertTrue(refused.client().isEmpty());
    assertEquals(List.of(ClientMetadata.GROUPS_CLAIM_NAME), fields(refused.problems()));

    ClientMetadataRules.Checked self =
        ClientMetadataRules.check(named, ClientMetadataRules.Origin.DYNAMIC_REGISTRATION);
    assertEquals(List.of(ClientMetadata.GROUPS_CLAIM_NAME, ClientMetadata.ROLES_CLAIM_NAME),
        fields(self.problems()));
  }

  private static ClientMetadata metadata(String groups, String roles) {
    return new ClientMetadata("app", "App", "client_secret_basic", null, List.of("https://app.example/cb"),
        List.of("authorization_code"), "openid groups roles", null, null, null, null, null, null, null, null,
        null, null, groups, roles);
  }
}
