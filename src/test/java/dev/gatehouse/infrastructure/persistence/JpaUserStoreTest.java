package dev.gatehouse.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gatehouse.infrastructure.persistence.entity.UserEntity;
import dev.gatehouse.protocol.store.UserAccount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The users row and its record: every column maps both ways; the roles and address columns keep their format. */
class JpaUserStoreTest {

  private static UserEntity row() {
    UserEntity u = new UserEntity();
    u.id = "sub-1";
    u.username = "kim";
    u.passwordHash = "pbkdf2-hash";
    u.name = "Kim Lee";
    u.givenName = "Kim";
    u.familyName = "Lee";
    u.email = "kim@example.com";
    u.emailVerified = true;
    u.phoneNumber = "+1 555 0100";
    u.phoneNumberVerified = true;
    u.locale = "en-GB";
    u.zoneinfo = "Europe/London";
    u.address = "{\"locality\":\"London\",\"country\":\"UK\"}";
    u.source = "ldap";
    u.externalId = "uuid-kim";
    u.roles = "gatehouse-admin auditor";
    u.disabled = true;
    u.createdAt = 1_000;
    u.updatedAt = 2_000;
    return u;
  }

  @Test
  void whenARowIsRead_thenEveryColumnIsInTheRecord() {
    UserAccount kim = JpaUserStore.toAccount(row());

    assertEquals("sub-1", kim.subject());
    assertEquals("kim", kim.username());
    assertEquals("pbkdf2-hash", kim.passwordHash());
    assertEquals("ldap", kim.source());
    assertEquals("uuid-kim", kim.externalId());
    assertEquals(Set.of("gatehouse-admin", "auditor"), kim.roles());
    assertEquals(true, kim.disabled());
    assertEquals(new UserAccount.Profile("Kim Lee", "Kim", "Lee", "kim@example.com", true, "+1 555 0100", true,
        "en-GB", "Europe/London", Map.of("locality", "London", "country", "UK")), kim.profile());
    assertEquals(Instant.ofEpochMilli(1_000), kim.createdAt());
    assertEquals(Instant.ofEpochMilli(2_000), kim.updatedAt());
  }

  @Test
  void whenARecordIsWrittenBack_thenTheRowIsUnchanged() {
    UserEntity written = new UserEntity();
    written.id = "sub-1";
    JpaUserStore.write(JpaUserStore.toAccount(row()), written);

    UserEntity expected = row();
    assertEquals(expected.username, written.username);
    assertEquals(expected.passwordHash, written.passwordHash);
    assertEquals(expected.name, written.name);
    assertEquals(expected.givenName, written.givenName);
    assertEquals(expected.familyName, written.familyName);
    assertEquals(expected.email, written.email);
    assertEquals(expected.emailVerified, written.emailVerified);
    assertEquals(expected.phoneNumber, written.phoneNumber);
    assertEquals(expected.phoneNumberVerified, written.phoneNumberVerified);
    assertEquals(expected.locale, written.locale);
    assertEquals(expected.zoneinfo, written.zoneinfo);
    assertEquals(expected.source, written.source);
    assertEquals(expected.externalId, written.externalId);
    assertEquals(expected.disabled, written.disabled);
    assertEquals(expected.createdAt, written.createdAt);
    assertEquals(expected.updatedAt, written.updatedAt);
    assertEquals(JpaUserStore.address(expected.address), JpaUserStore.address(written.address));
    assertEquals("auditor gatehouse-admin", written.roles, "a new row's roles: space-separated, sorted");
  }

  @Test
  void whenRolesAndAddressSayTheSameInAnotherOrder_thenTheirColumnsAreLeftAsTheyAre() {
    UserEntity stored = row();
    Map<String, String> reordered = new LinkedHashMap<>();
    reordered.put("country", "UK");
    reordered.put("locality", "London");

    JpaUserStore.write(JpaUserStore.toAccount(row()).withRoles(Set.of("auditor", "gatehouse-admin"))
        .withProfile(new UserAccount.Profile("Kim Lee", "Kim", "Lee", "kim@example.com", true, "+1 555 0100", true,
            "en-GB", "Europe/London", reordered)), stored);

    assertEquals("gatehouse-admin auditor", stored.roles, "no write of an unchanged column");
    assertEquals("{\"locality\":\"London\",\"country\":\"UK\"}", stored.address);
  }

  @Test
  void whenRolesAndAddressChange_thenTheColumnsAreRewritten_andAnEmptyAddressIsNull() {
    UserEntity stored = row();
    UserAccount kim = JpaUserStore.toAccount(stored);

    JpaUserStore.write(kim.withRoles(Set.of("viewer", "auditor"))
        .withProfile(new UserAccount.Profile(null, null, null, null, false, null, false, null, null, Map.of())),
        stored);

    assertEquals("auditor viewer", stored.roles);
    assertNull(stored.address);
    assertNull(stored.name);
    JpaUserStore.write(kim, stored);
    assertEquals(Map.of("locality", "London", "country", "UK"), JpaUserStore.address(stored.address));
  }

  @Test
  void whenTheRolesColumnIsEmptyOrNull_thenNoRoles() {
    UserEntity u = row();
    u.roles = " ";
    assertEquals(Set.of(), JpaUserStore.toAccount(u).roles());
    u.roles = null;
    assertEquals(Set.of(), JpaUserStore.toAccount(u).roles());
  }

  @Test
  void whenADirectoryUserHasGroups_thenASortedJsonArray_namesWithSpacesKept_andNoneIsNull() {
    UserEntity stored = row();
    UserAccount kim = JpaUserStore.toAccount(stored);
    assertEquals(Set.of(), kim.groups());

    JpaUserStore.write(kim.withGroups(Set.of("Domain Admins", "engineering")), stored);

    assertEquals("[\"Domain Admins\",\"engineering\"]", stored.directoryGroups);
    assertEquals(Set.of("Domain Admins", "engineering"), JpaUserStore.toAccount(stored).groups());
    JpaUserStore.write(kim, stored);
    assertNull(stored.directoryGroups);
  }
}
