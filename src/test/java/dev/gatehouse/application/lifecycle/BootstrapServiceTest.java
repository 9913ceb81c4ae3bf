package dev.gatehouse.application.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.protocol.store.UserAccount;
import dev.gatehouse.protocol.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.gatehouse.application.admin.AdminFakes;
import dev.gatehouse.infrastructure.files.BootstrapFile;
import dev.gatehouse.protocol.admin.UserProfile;
import dev.gatehouse.protocol.admin.UserSpec;

/**
 * The bootstrap file applied again at every start: a user keeps its subject, its password hash stays while it still
 * verifies, and updated_at moves only when the profile or the password changed; a directory user is never touched.
 */
class BootstrapServiceTest {
  private final MutableClock clock = MutableClock.startingAt2025();
  private final AdminFakes.Users users = new AdminFakes.Users();
  private final BootstrapService service = new BootstrapService();

  @BeforeEach
  void wire() {
    service.clients = new AdminFakes.Clients();
    service.users = users;
    service.passwords = new AdminFakes.Passwords();
    service.clock = clock;
  }

  private static BootstrapFile.Content content(String password, String name) {
    return new BootstrapFile.Content(List.of(), List.of(new UserSpec("dana", password,
        new UserProfile(name, null, null, null, false, null, false, null, null, Map.of()), Set.of("auditor"))));
  }

  private UserAccount dana() {
    return users.findByUsername("dana").orElseThrow();
  }

  @Test
  void whenAppliedTwiceUnchanged_thenOneUser_sameSubject_andUpdatedAtStays() {
    service.apply(content("dana-password", "Dana"), "test");
    UserAccount first = dana();
    clock.advance(Duration.ofMinutes(1));

    service.apply(content("dana-password", "Dana"), "test");

    assertEquals(1, users.rows.size());
    assertEquals(first, dana());
    assertEquals("hash:dana-password", dana().passwordHash());
    assertEquals(Set.of("auditor"), dana().roles());
  }

  @Test
  void whenThePasswordOrTheProfileChanged_thenUpdatedAtMoves() {
    service.apply(content("dana-password", "Dana"), "test");
    Instant created = dana().createdAt();

    clock.advance(Duration.ofMinutes(1));
    service.apply(content("new-password", "Dana"), "test");
    assertEquals("hash:new-password", dana().passwordHash());
    assertEquals(clock.instant().toEpochMilli(), dana().updatedAt().toEpochMilli());

    clock.advance(Duration.ofMinutes(1));
    service.apply(content("new-password", "Dana Scott"), "test");
    assertEquals("Dana Scott", dana().profile().name());
    assertEquals(clock.instant().toEpochMilli(), dana().updatedAt().toEpochMilli());
    assertEquals(created, dana().createdAt());
  }

  @Test
  void whenTheUsernameBelongsToADirectoryUser_thenTheStartStops_andTheRowIsLeftAsItWas() {
    UserAccount directoryUser = UserAccount.created("sub-ldap", "dana", "ldap", "uuid-dana", Instant.EPOCH);
    users.insert(directoryUser);

    assertThrows(IllegalStateException.class, () -> service.apply(content("dana-password", "Dana"), "test"));
    assertEquals(directoryUser, users.get("sub-ldap"));
  }
}
