package dev.gatehouse.infrastructure.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GATEHOUSE_LDAP_* settings: parsed once, each mistake named, and plaintext passwords refused by default. */
public class LdapSettingsTest {

  /** Settings that work: the test directory's. */
  public static LdapSettings openLdap() {
    LdapSettings s = new LdapSettings();
    s.url = Optional.of("ldap://127.0.0.1:10389");
    s.bindDn = Optional.of("cn=gatehouse-reader,ou=services,dc=gatehouse,dc=test");
    s.bindPassword = Optional.of("reader-password");
    s.userSearchBase = Optional.of("ou=people,dc=gatehouse,dc=test");
    s.groupSearchBase = Optional.of("ou=groups,dc=gatehouse,dc=test");
    s.roleMapping = Optional.of("gatehouse-admins=gatehouse-admin");
    return s;
  }

  private static String failure(LdapSettings s) {
    return assertThrows(IllegalStateException.class, s::directory).getMessage();
  }

  @Test
  void whenUrlNotSet_thenTheStoreIsOff() {
    assertEquals(Optional.empty(), new LdapSettings().directory());
  }

  @Test
  void whenOnlyTheRequiredAreSet_thenTheInetOrgPersonDefaults() {
    LdapSettings.Directory d = openLdap().directory().orElseThrow();
    assertEquals(List.of("ldap://127.0.0.1:10389"), d.urls());
    assertEquals("(&(objectClass=inetOrgPerson)(uid={0}))", d.userFilter());
    assertEquals("(&(objectClass=groupOfNames)(member={0}))", d.groupFilter());
    assertEquals("entryUUID", d.idAttribute());
    assertEquals("uid", d.usernameAttribute());
    assertEquals("cn", d.claimAttributes().get("name"));
    assertEquals("mail", d.claimAttributes().get("email"));
    assertEquals("telephoneNumber", d.claimAttributes().get("phone_number"));
    assertFalse(d.claimAttributes().containsKey("zoneinfo"));
    assertEquals(Set.of("gatehouse-admin"), d.roles(List.of("Gatehouse-Admins", "engineering")));
  }

  @Test
  void whenPlainLdapToAnotherHost_thenRefusedUnlessStartTlsOrExplicitlyAllowed() {
    LdapSettings s = openLdap();
    s.url = Optional.of("ldap://dc1.corp.example.com");
    assertTrue(failure(s).startsWith("GATEHOUSE_LDAP_URL: "));
    s.startTls = true;
    assertTrue(s.check().orElseThrow().startTls());
    s.startTls = false;
    s.allowPlaintext = true;
    assertTrue(s.check().isPresent());
  }

  @Test
  void whenLdapsOrLoopback_thenAccepted_andSeveralUrlsFailOverInOrder() {
    LdapSettings s = openLdap();
    s.url = Optional.of("ldaps://dc1.corp.example.com:636 ldaps://dc2.corp.example.com");
    assertEquals("ldaps://dc1.corp.example.com:636 ldaps://dc2.corp.example.com",
        s.directory().orElseThrow().providerUrl());
    assertTrue(LdapSettings.loopback("localhost") && LdapSettings.loopback("[::1]") && LdapSettings.loopback("127.0.0.2"));
    assertFalse(LdapSettings.loopback("localhost.evil.example") || LdapSettings.loopback("10.0.0.1"));
  }

  @Test
  void whenUrlMalformedOrStartTlsOverLdaps_thenRefusedNamingTheSetting() {
    for (String bad : List.of("http://dc1", "ldap://", "ldaps://dc1/dc=corp", "dc1.corp.example.com")) {
      LdapSettings s = openLdap();
      s.url = Optional.of(bad);
      assertTrue(failure(s).startsWith("GATEHOUSE_LDAP_URL: "), bad);
    }
    LdapSettings s = openLdap();
    s.url = Optional.of("ldaps://dc1");
    s.startTls = true;
    assertTrue(failure(s).startsWith("GATEHOUSE_LDAP_START_TLS: "));
  }

  @Test
  void whenBindPasswordMissingTwiceOrEmpty_thenRefused(@TempDir Path dir) throws Exception {
    LdapSettings s = openLdap();
    s.bindPassword = Optional.empty();
    assertTrue(failure(s).contains("GATEHOUSE_LDAP_BIND_PASSWORD"));
    Path file = dir.resolve("bind-password");
    Files.writeString(file, "from-a-file\n");
    s.bindPasswordFile = Optional.of(file.toString());
    assertEquals("from-a-file", s.check().orElseThrow().bindPassword());
    s.bindPassword = Optional.of("inline");
    assertTrue(failure(s).contains("Set one of"));
    s.bindPassword = Optional.empty();
    Files.writeString(file, "\n");
    assertTrue(failure(s).contains("empty"));
  }

  @Test
  void whenNoSearchBase_thenRefused() {
    LdapSettings s = openLdap();
    s.userSearchBase = Optional.of(" ");
    assertTrue(failure(s).startsWith("GATEHOUSE_LDAP_USER_SEARCH_BASE "));
  }

  @Test
  void whenFilterHasNoPlaceholder_thenRefusedNamingTheSetting() {
    LdapSettings s = openLdap();
    s.userFilter = "(uid=admin)";
    assertTrue(failure(s).startsWith("GATEHOUSE_LDAP_USER_FILTER "));
  }

  @Test
  void roleMapping_whenSeveralPairs_thenCaseInsensitiveGroupsToRoles() {
    Map<String, Set<String>> mapping =
        LdapSettings.parseRoleMapping("gatehouse-admins=gatehouse-admin, Domain Admins = gatehouse-admin ,"
            + "Domain Admins=auditor");
    assertEquals(Set.of("gatehouse-admin"), mapping.get("gatehouse-admins"));
    assertEquals(Set.of("gatehouse-admin", "auditor"), mapping.get("domain admins"));
    assertEquals(Map.of(), LdapSettings.parseRoleMapping(""));
  }

  @Test
  void roleMapping_whenNotGroupEqualsRole_thenRefused() {
    for (String bad : List.of("gatehouse-admins", "=gatehouse-admin", "admins=", "admins=two words")) {
      assertThrows(IllegalArgumentException.class, () -> LdapSettings.parseRoleMapping(bad), bad);
    }
  }

  @Test
  void claimAttributes_whenGiven_thenTheyChangeTheDefaults_andAnEmptyAttributeLeavesTheClaimOut() {
    Map<String, String> claims =
        LdapSettings.parseClaimAttributes("name=displayName, email=userPrincipalName, locale=, address.country=c");
    assertEquals("displayName", claims.get("name"));
    assertEquals("userPrincipalName", claims.get("email"));
    assertEquals("c", claims.get("address.country"));
    assertEquals("givenName", claims.get("given_name"));
    assertFalse(claims.containsKey("locale"));
  }

  @Test
  void claimAttributes_whenUnknownClaimOrBadAttribute_thenRefused() {
    for (String bad : List.of("sub=uid", "email", "email=mail;binary", "name=(cn)")) {
      assertThrows(IllegalArgumentException.class, () -> LdapSettings.parseClaimAttributes(bad), bad);
    }
  }

  @Test
  void memberOf_whenTheMembershipAttributeIsSetWithoutAGroupSearchBase_thenRefusedNamingBothSettings() {
    LdapSettings s = openLdap();
    s.groupMembershipAttribute = Optional.of("memberOf");
    s.groupSearchBase = Optional.of("  ");
    String message = failure(s);
    assertTrue(message.contains("GATEHOUSE_LDAP_GROUP_MEMBERSHIP_ATTRIBUTE")
        && message.contains("GATEHOUSE_LDAP_GROUP_SEARCH_BASE"), message);
    s.groupSearchBase = Optional.of("ou=groups,dc=gatehouse,dc=test");
    assertEquals(Optional.of("memberOf"), s.check().orElseThrow().groupMembershipAttribute());
  }

  @Test
  void theDirectoryAsLogged_namesNoPassword() {
    LdapSettings.Directory d = openLdap().directory().orElseThrow();
    assertFalse(d.toString().contains("reader-password"), d.toString());
  }

  @Test
  void whenNestedGroupsAreOff_thenNoLevelIsFollowed_andOnTheConfiguredDepth() {
    LdapSettings s = openLdap();
    assertEquals(0, s.directory().orElseThrow().nestedGroupsDepth());
    LdapSettings nested = openLdap();
    nested.nestedGroups = true;
    nested.nestedGroupsDepth = 3;
    assertEquals(3, nested.directory().orElseThrow().nestedGroupsDepth());
  }

  @Test
  void whenTheNestingDepthOrTheGroupBoundIsOutOfRange_thenRefusedNamingTheSetting() {
    for (int depth : new int[] {0, LdapDirectory.MAX_NESTED_DEPTH + 1}) {
      LdapSettings s = openLdap();
      s.nestedGroups = true;
      s.nestedGroupsDepth = depth;
      IllegalStateException e = assertThrows(IllegalStateException.class,
          s::directory);
      assertTrue(e.getMessage().contains("GATEHOUSE_LDAP_NESTED_GROUPS_DEPTH"), e.getMessage());
    }
    LdapSettings s = openLdap();
    s.maxGroups = 0;
    IllegalStateException e = assertThrows(IllegalStateException.class,
        s::maxGroups);
    assertTrue(e.getMessage().contains("GATEHOUSE_LDAP_MAX_GROUPS"), e.getMessage());
  }
}
