package dev.gatehouse.protocol.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.error.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserRulesTest {

  private static List<String> fields(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::field).toList();
  }

  @Test
  void username_whenVisibleCharactersUpTo190_thenAccepted() {
    assertTrue(UserRules.username("jdoe@example.com").isEmpty());
    assertTrue(UserRules.username("张伟").isEmpty());
    assertTrue(UserRules.username("u".repeat(190)).isEmpty());
  }

  @Test
  void username_whenMissingSpacedControlOrTooLong_thenRefused() {
    assertEquals(List.of("username"), fields(UserRules.username(null)));
    assertEquals(List.of("username"), fields(UserRules.username("j doe")));
    assertEquals(List.of("username"), fields(UserRules.username("jdoe\u0000")));
    assertEquals(List.of("username"), fields(UserRules.username("u".repeat(191))));
    assertEquals(List.of("username"), fields(UserRules.username("")));
  }

  @Test
  void username_whenLettersDigitsAndDotUnderscoreHyphenAtPlus_thenAccepted() {
    for (String username : List.of("jdoe", "j.doe", "j_doe", "svc-backup", "jdoe+test@example.com", "0042",
        "Zo\u00EB", "Ωmega", "ñandú")) {
      assertTrue(UserRules.username(username).isEmpty(), username);
    }
  }

  @Test
  void username_whenMarkupQuotesInvisibleOrLeadingPunctuation_thenRefused() {
    for (String username : List.of("<b>x</b>", "a<b", "x\"y", "o'brien", "a&b", "a=b", "a`b", "a\\b", "a/b",
        "a;b", "a%b", "a#b", "pay\u202Epal", "zero\u200Bwidth", "nb\u00A0sp", "tab\tx", "-rf", ".", "..",
        "_x", "@home", "+1", "😀", "Zoe\u0308")) {
      assertEquals(List.of("username"), fields(UserRules.username(username)), username);
    }
  }

  @Test
  void nistSp800_63b_5_1_1_2_whenPasswordShorterThan8_thenRefusedWithoutRepeatingIt() {
    List<FieldProblem> problems = UserRules.password("short");
    assertEquals(List.of("password"), fields(problems));
    assertFalse(problems.get(0).reason().contains("short"));
    assertTrue(UserRules.password("eight-ch").isEmpty());
    assertEquals(List.of("password"), fields(UserRules.password("p".repeat(UserRules.MAX_PASSWORD + 1))));
  }

  @Test
  void roles_whenNamesWithoutSpaces_thenAccepted_elseEachNamed() {
    assertTrue(UserRules.roles(Set.of(AdminAccess.ADMIN_ROLE, "ops:read")).isEmpty());
    assertEquals(List.of("roles"), fields(UserRules.roles(List.of("gatehouse admin"))));
    assertEquals(List.of("roles"), fields(UserRules.roles(List.of(""))));
  }

  @Test
  void oidcCore_5_1_whenClaimLongerThanItsColumn_thenNamed() {
    List<FieldProblem> problems = UserRules.claims(Map.of("email", "e".repeat(255), "name", "ok"),
        Map.of("country", "c".repeat(UserRules.MAX_ADDRESS_MEMBER + 1)));
    assertEquals(Set.of("email", "address.country"), Set.copyOf(fields(problems)));
  }

  @Test
  void adminActor_whenPrinted_thenNamesUserAndClient() {
    assertEquals("user:alice(s1)/client:cli", new AdminActor("cli", "s1", "alice").toString());
    assertEquals("client:cli", AdminActor.client("cli").toString());
    assertEquals("user:alice(s1)", AdminActor.user("s1", "alice").toString());
  }
}
