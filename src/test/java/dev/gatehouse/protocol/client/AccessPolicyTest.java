package dev.gatehouse.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.error.FieldProblem;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-client access policy: who may use a client (RFC 6749 §4.1.2.1 access_denied otherwise). */
class AccessPolicyTest {
  private static final AccessPolicy STAFF = new AccessPolicy(Set.of("staff"), Set.of("Finance Team"));

  private static AccessPolicy.Member member(Set<String> roles, Set<String> groups) {
    return new AccessPolicy.Member(roles, groups);
  }

  @Test
  void whenThePolicyIsEmpty_thenEveryoneIsPermitted_evenAUserWithNoRoleOrGroup() {
    assertFalse(AccessPolicy.EVERYONE.restricted());
    assertTrue(AccessPolicy.EVERYONE.permits(AccessPolicy.Member.NOBODY));
    assertTrue(AccessPolicy.of(List.of(), null).permits(AccessPolicy.Member.NOBODY));
  }

  @Test
  void whenTheUserHoldsOneOfTheRoles_thenPermitted() {
    assertTrue(STAFF.permits(member(Set.of("other", "staff"), Set.of())));
  }

  @Test
  void whenTheUserIsInOneOfTheGroups_thenPermitted_withoutRegardToCase() {
    assertTrue(STAFF.permits(member(Set.of(), Set.of("finance team"))));
    assertTrue(STAFF.permits(member(Set.of(), Set.of("FINANCE TEAM", "x"))));
  }

  @Test
  void whenTheUserHasNeitherARoleNorAGroupOfThePolicy_thenRefused() {
    assertFalse(STAFF.permits(member(Set.of("gatehouse-admin"), Set.of("Sales"))));
    assertFalse(STAFF.permits(AccessPolicy.Member.NOBODY));
  }

  @Test
  void whenARoleDiffersInCase_thenItDoesNotMatch_rolesCompareExactly() {
    assertFalse(STAFF.permits(member(Set.of("STAFF"), Set.of())));
  }

  @Test
  void whenAGroupNameIsGivenAsARole_thenItDoesNotMatch() {
    assertFalse(STAFF.permits(member(Set.of("Finance Team"), Set.of("staff"))));
  }

  @Test
  void whenOnlyGroupsAreListed_thenARoleDoesNotAdmit() {
    AccessPolicy groupsOnly = AccessPolicy.of(null, List.of("ops"));
    assertTrue(groupsOnly.restricted());
    assertFalse(groupsOnly.permits(member(Set.of("ops"), Set.of())));
    assertTrue(groupsOnly.permits(member(Set.of(), Set.of("Ops"))));
  }

  @Test
  void whenSetByTheClientItself_thenEachNonEmptyFieldIsAProblem() {
    List<FieldProblem> problems = AccessPolicy.problems(List.of("staff"), List.of("ops"), true);
    assertEquals(List.of(ClientMetadata.ALLOWED_ROLES, ClientMetadata.ALLOWED_GROUPS),
        problems.stream().map(FieldProblem::field).toList());
    assertEquals(List.of(), AccessPolicy.problems(List.of(), null, true));
  }

  @Test
  void whenARoleIsNotARoleName_thenAProblemOfAllowedRoles() {
    List<FieldProblem> problems = AccessPolicy.problems(List.of("staff", "has space", ""), null, false);
    assertEquals(2, problems.size());
    assertTrue(problems.stream().allMatch(p -> p.field().equals(ClientMetadata.ALLOWED_ROLES)));
  }

  @Test
  void whenAGroupHasALineBreakAControlCharacterOrSurroundingSpaces_thenAProblemOfAllowedGroups() {
    List<FieldProblem> problems = AccessPolicy.problems(null,
        List.of("Domain Admins", "two\nlines", "bell\u0007", " padded", "rtl\u202Eoverride", ""), false);
    assertEquals(5, problems.size());
    assertTrue(problems.stream().allMatch(p -> p.field().equals(ClientMetadata.ALLOWED_GROUPS)));
  }

  @Test
  void whenAGroupIsLongerThanTheBound_thenAProblem_andAtTheBoundNone() {
    String longest = "g".repeat(AccessPolicy.MAX_GROUP_LENGTH);
    assertEquals(List.of(), AccessPolicy.problems(null, List.of(longest), false));
    assertEquals(1, AccessPolicy.problems(null, List.of(longest + "g"), false).size());
  }

  @Test
  void whenMoreNamesThanTheBound_thenOneProblem() {
    List<String> many = Collections.nCopies(AccessPolicy.MAX_ENTRIES + 1, "staff");
    assertEquals(1, AccessPolicy.problems(many, null, false).size());
    assertEquals(List.of(), AccessPolicy.problems(many.subList(0, AccessPolicy.MAX_ENTRIES), null, false));
  }

  @Test
  void whenTheListsTogetherAreTooLong_thenAProblem() {
    List<String> wide = Collections.nCopies(20, "g".repeat(AccessPolicy.MAX_GROUP_LENGTH));
    assertEquals(1, AccessPolicy.problems(null, wide, false).size());
  }
}
