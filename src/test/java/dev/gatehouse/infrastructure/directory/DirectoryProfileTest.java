package dev.gatehouse.infrastructure.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** From a directory entry to what the users table records: claims by the mapping, roles by the groups. */
class DirectoryProfileTest {
  private final LdapSettings.Directory directory = LdapSettingsTest.openLdap().directory().orElseThrow();

  private static LdapDirectory.LdapEntry entry(Map<String, List<String>> attributes) {
    return new LdapDirectory.LdapEntry("uid=ada,ou=people,dc=gatehouse,dc=test", attributes);
  }

  @Test
  void oidcCore_5_1_whenEntryHasTheMappedAttributes_thenTheyBecomeTheClaims() {
    DirectoryProfile p = DirectoryProfile.of(directory, entry(Map.of(
        "entryuuid", List.of("3fec20f4-7de6-1041-87ab-45319c2ee7d0"), "uid", List.of("ada"),
        "cn", List.of("Ada Lovelace", "Augusta Ada King"), "givenname", List.of("Ada"), "sn", List.of("Lovelace"),
        "mail", List.of("ada@gatehouse.test"), "preferredlanguage", List.of("en-GB, en;q=0.8"),
        "l", List.of("London"))), "ADA", Set.of("gatehouse-admins")).orElseThrow();
    assertEquals("3fec20f4-7de6-1041-87ab-45319c2ee7d0", p.externalId());
    assertEquals("ada", p.username(), "the directory's spelling, not the one typed");
    assertEquals(Optional.of("Ada Lovelace"), p.claim("name"));
    assertEquals(Optional.of("Lovelace"), p.claim("family_name"));
    assertEquals(Optional.of("en-GB"), p.claim("locale"));
    assertEquals(Optional.empty(), p.claim("phone_number"));
    assertEquals(Map.of("locality", "London"), p.address());
    assertEquals(Set.of("gatehouse-admin"), p.roles());
  }

  @Test
  void whenEntryHasNoIdAttribute_thenNoProfile_soNoSubjectThatCouldChange() {
    assertFalse(DirectoryProfile.of(directory, entry(Map.of("uid", List.of("ada"))), "ada", Set.of()).isPresent());
  }

  @Test
  void whenAValueIsTooLongForItsColumn_thenThatClaimIsLeftOut() {
    DirectoryProfile p = DirectoryProfile.of(directory, entry(Map.of("entryuuid", List.of("id-1"),
        "telephonenumber", List.of("1".repeat(65)), "mail", List.of("a@b.c"))), "ada", Set.of()).orElseThrow();
    assertEquals(Optional.empty(), p.claim("phone_number"));
    assertEquals(Optional.of("a@b.c"), p.claim("email"));
    assertTrue(p.roles().isEmpty());
  }

  @Test
  void whenMoreGroupsThanMaxGroups_thenEveryGroupIsRecorded_andGivesItsRole_andOnlyTheClaimIsCut() {
    LdapSettings s = LdapSettingsTest.openLdap();
    s.maxGroups = 3;
    s.roleMapping = Optional.of("zz-release-managers=release-manager");
    DirectoryProfile p = DirectoryProfile.of(s.directory().orElseThrow(), entry(Map.of("entryuuid", List.of("id-1"))),
        "ada", Set.of("d", "b", "a", "c", "zz-release-managers")).orElseThrow();
    assertEquals(Set.of("a", "b", "c", "d", "zz-release-managers"), p.groups(),
        "every group, so that an allowed_groups policy sees them all");
    assertEquals(3, p.maxGroups(), "the groups claim's bound, applied where it is released");
    assertTrue(p.groupsCut());
    assertEquals(Set.of("release-manager"), p.roles(), "a group past the bound still gives its role");
  }

  @Test
  void whenWithinMaxGroups_thenEveryGroupIsRecorded_andNothingIsCut() {
    DirectoryProfile p = DirectoryProfile.of(directory, entry(Map.of("entryuuid", List.of("id-1"))), "ada",
        Set.of("engineering", "Domain Users")).orElseThrow();
    assertEquals(Set.of("engineering", "Domain Users"), p.groups());
    assertFalse(p.groupsCut());
  }
}
