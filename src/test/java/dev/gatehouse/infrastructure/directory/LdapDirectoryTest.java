package dev.gatehouse.infrastructure.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the JNDI layer does with values before the store sees them. */
class LdapDirectoryTest {

  @Test
  void activeDirectory_whenObjectGuidBytes_thenTheGuidAsWindowsShowsIt() {
    // The bytes Active Directory stores for {3F2504E0-4F89-11D3-9A0C-0305E82C3301}: first three fields little-endian.
    byte[] bytes = HexFormat.of().parseHex("e004253f894fd3119a0c0305e82c3301");
    assertEquals("3f2504e0-4f89-11d3-9a0c-0305e82c3301", LdapDirectory.binary(bytes));
    assertEquals("0102ff", LdapDirectory.binary(new byte[] {1, 2, (byte) 0xff}));
  }

  /** The groups memberOf gives a user in these groups, with this group search base. */
  private static Set<String> memberOf(String groupBase, String... groups) {
    LdapSettings s = LdapSettingsTest.openLdap();
    s.groupMembershipAttribute = Optional.of("memberOf");
    s.groupSearchBase = Optional.of(groupBase);
    LdapDirectory.LdapEntry user = new LdapDirectory.LdapEntry("CN=Ada,OU=People,DC=corp,DC=example",
        Map.of("memberof", List.of(groups)));
    return new java.util.HashSet<>(LdapDirectory.groupsFromMembership(s.directory().orElseThrow(), user).values());
  }

  @Test
  void activeDirectory_memberOf_whenGroupsInAndOutsideTheGroupBase_thenOnlyThoseUnderItCount() {
    assertEquals(Set.of("Gatehouse Admins", "Engineering"), memberOf("OU=Groups,DC=corp,DC=example",
        "CN=Gatehouse Admins,OU=Groups,DC=corp,DC=example", "cn=Engineering,ou=groups,dc=CORP,dc=example",
        "CN=Gatehouse Admins,OU=Anyone Can Create Groups Here,DC=corp,DC=example", "not a DN"));
  }

  @Test
  void activeDirectory_memberOf_whenTheGroupBaseIsNotADn_thenNoGroupCounts() {
    assertEquals(Set.of(), memberOf("not a DN",
        "CN=Gatehouse Admins,OU=Anyone Can Create Groups Here,DC=corp,DC=example"));
  }
}
