package dev.gatehouse.application.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import dev.gatehouse.infrastructure.directory.LdapSettings;
import dev.gatehouse.infrastructure.directory.LdapSettingsTest;

/** GATEHOUSE_IDENTITY_STORES: which stores, in which order; anything else stops the start. */
class IdentityStoreSettingsTest {

  private static IdentityStoreSettings with(String value) {
    IdentityStoreSettings settings = new IdentityStoreSettings();
    settings.stores = value;
    return settings;
  }

  @Test
  void whenListed_thenThatOrderAndPrioritiesFollowIt() {
    IdentityStoreSettings settings = with(" LDAP , database ");
    assertEquals(List.of("ldap", "database"), settings.order());
    assertTrue(settings.priority("ldap") < settings.priority("database"));
  }

  @Test
  void whenDefault_thenTheDatabaseStoreAloneAndLdapLast() {
    IdentityStoreSettings settings = new IdentityStoreSettings();
    assertEquals(List.of("database"), settings.order());
    assertEquals(Integer.MAX_VALUE, settings.priority("ldap"));
  }

  @Test
  void whenUnknownDuplicateOrEmpty_thenStartUpStopsNamingTheSetting() {
    for (String bad : List.of("database,kerberos", "ldap,ldap", " , ")) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> with(bad).order(), bad);
      assertTrue(e.getMessage().startsWith("GATEHOUSE_IDENTITY_STORES: "), e.getMessage());
    }
  }

  @Test
  void startUp_whenLdapIsListedWithoutADirectory_thenStops_andADirectoryNotListedIsAWarning() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> IdentityStoreStartup.consistent(List.of("ldap", "database"), Optional.empty()));
    assertTrue(e.getMessage().contains("GATEHOUSE_LDAP_URL"), e.getMessage());
    Optional<LdapSettings.Directory> directory = LdapSettingsTest.openLdap().directory();
    assertTrue(IdentityStoreStartup.consistent(List.of("database"), directory).isPresent());
    assertEquals(Optional.empty(), IdentityStoreStartup.consistent(List.of("ldap", "database"), directory));
    assertEquals(Optional.empty(), IdentityStoreStartup.consistent(List.of("database"), Optional.empty()));
  }
}
