package dev.gatehouse.protocol.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The user record keeps what the users table can hold, and never shows its password hash. */
class UserAccountTest {

  @Test
  void whenTimesHaveMicroseconds_thenTheRecordKeepsMilliseconds_asTheTableDoes() {
    UserAccount user =
        UserAccount.created("sub", "kim", "database", null, Instant.parse("2026-01-01T00:00:00.123456Z"));
    assertEquals(Instant.parse("2026-01-01T00:00:00.123Z"), user.createdAt());
    assertEquals(Instant.parse("2026-01-01T00:00:00.123Z"), user.updatedAt());
  }

  @Test
  void whenPrinted_thenNoPasswordHash() {
    UserAccount user = UserAccount.created("sub", "kim", "database", null, Instant.EPOCH)
        .withPasswordHash("secret-hash").withRoles(Set.of("gatehouse-admin"));
    assertFalse(user.toString().contains("secret-hash"));
  }

  @Test
  void whenCreated_thenEnabledWithoutRolesOrClaims() {
    UserAccount user = UserAccount.created("sub", "kim", "database", null, Instant.EPOCH);
    assertFalse(user.disabled());
    assertEquals(Set.of(), user.roles());
    assertEquals(UserAccount.Profile.NONE, user.profile());
  }
}
