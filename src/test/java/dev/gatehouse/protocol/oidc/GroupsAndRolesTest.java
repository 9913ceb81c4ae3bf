package dev.gatehouse.protocol.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.ClaimNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The release rules of the groups and roles claims, for every token and answer that carries them. */
class GroupsAndRolesTest {
  private static final ClaimNames MICROSOFT = new ClaimNames(
      "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups", "memberOf-roles");

  private final GroupsAndRoles rules = new GroupsAndRoles(200);

  private static UserClaims user(Set<String> groups, Set<String> roles) {
    return new UserClaims("sub-1", "ada", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        false, Optional.empty(), false, Optional.empty(), Optional.empty(), Map.of(),
        Instant.parse("2026-01-01T00:00:00Z"), groups, roles);
  }

  private final UserClaims ada = user(Set.of("engineering", "Domain Users", "platform"),
      Set.of("release-manager", "gatehouse-admin"));

  @Test
  void whenNeitherScopeIsGranted_thenNeitherClaim() {
    assertEquals(Map.of(), rules.claims(ada, Set.of("openid", "profile", "email"), ClaimNames.DEFAULTS));
    assertFalse(GroupsAndRoles.asked(Set.of("openid", "profile")));
  }

  @Test
  void whenOnlyTheGroupsScopeIsGranted_thenOnlyTheGroupsClaim() {
    Map<String, List<String>> claims = rules.claims(ada, Set.of("openid", "groups"), ClaimNames.DEFAULTS);
    assertEquals(Set.of("groups"), claims.keySet());
    assertTrue(GroupsAndRoles.asked(Set.of("groups")));
  }

  @Test
  void whenOnlyTheRolesScopeIsGranted_thenOnlyTheRolesClaim() {
    Map<String, List<String>> claims = rules.claims(ada, Set.of("roles"), ClaimNames.DEFAULTS);
    assertEquals(Map.of("roles", List.of("gatehouse-admin", "release-manager")), claims);
    assertTrue(GroupsAndRoles.asked(Set.of("roles")));
  }

  @Test
  void whenBothScopesAreGranted_thenBothClaims_asSortedArraysOfStrings_groupsFirst() {
    Map<String, List<String>> claims = rules.claims(ada, Set.of("groups", "roles"), ClaimNames.DEFAULTS);
    assertEquals(List.of("groups", "roles"), new ArrayList<>(claims.keySet()));
    assertEquals(List.of("Domain Users", "engineering", "platform"), claims.get("groups"));
    assertEquals(List.of("gatehouse-admin", "release-manager"), claims.get("roles"));
  }

  @Test
  void whenTheClientRenamedTheClaims_thenTheyCarryItsNames_andNotTheDefaults() {
    Map<String, List<String>> claims = rules.claims(ada, Set.of("groups", "roles"), MICROSOFT);
    assertEquals(Set.of(MICROSOFT.groups(), MICROSOFT.roles()), claims.keySet());
    assertEquals(List.of("Domain Users", "engineering", "platform"), claims.get(MICROSOFT.groups()));
  }

  @Test
  void whenTheUserHasNoGroupsOrRoles_thenEmptyArrays_soNoneAndNotAskedStayApart() {
    Map<String, List<String>> claims = rules.claims(user(Set.of(), Set.of()), Set.of("groups", "roles"),
        ClaimNames.DEFAULTS);
    assertEquals(Map.of("groups", List.of(), "roles", List.of()), claims);
  }

  @Test
  void whenTheUserHasMoreGroupsThanTheBound_thenTheFirstByName_andNoMore() {
    Set<String> many = Set.copyOf(IntStream.range(0, 5_000).mapToObj(i -> String.format("group-%04d", i)).toList());
    List<String> groups = new GroupsAndRoles(200).claims(user(many, Set.of()), Set.of("groups"), ClaimNames.DEFAULTS)
        .get("groups");
    assertEquals(200, groups.size());
    assertEquals("group-0000", groups.get(0));
    assertEquals("group-0199", groups.get(199));
  }

  @Test
  void whenBounded_thenSortedWithoutDuplicatesOrNulls() {
    assertEquals(List.of("a", "b"), GroupsAndRoles.bounded(Arrays.asList("b", "a", null, "b", "c"), 2));
    assertEquals(List.of("A", "B", "a"), GroupsAndRoles.bounded(List.of("a", "B", "A"), 10));
  }

  @Test
  void whenTheBoundIsBelowOne_thenRefused() {
    assertThrows(IllegalArgumentException.class, () -> new GroupsAndRoles(0));
  }

  @Test
  void oidcDiscovery_whenScopesAndClaimsAreAdvertised_thenGroupsAndRolesAreAmongThem() {
    assertTrue(ClaimsByScope.SCOPES.containsAll(GroupsAndRoles.SCOPES));
    assertTrue(ClaimsByScope.SUPPORTED.containsAll(List.of("groups", "roles")));
  }
}
