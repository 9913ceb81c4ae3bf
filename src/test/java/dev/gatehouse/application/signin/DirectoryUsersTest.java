package dev.gatehouse.application.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.store.InMemoryUserStore;
import dev.gatehouse.protocol.store.UserAccount;
import dev.gatehouse.protocol.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.gatehouse.infrastructure.directory.DirectoryProfile;

/**
 * A directory user's row: one per directory entry, found by the entry's stable id, kept up to date at each sign-in,
 * never shared with another user.
 */
class DirectoryUsersTest {

  private final InMemoryUserStore table = new InMemoryUserStore();
  private final MutableClock clock = MutableClock.startingAt2025();
  private final DirectoryUsers users = new DirectoryUsers();

  @BeforeEach
  void init() {
    users.users = table;
    users.clock = clock;
    table.insert(UserAccount.created("database-erin", "erin", "database", null, Instant.EPOCH)
        .withPasswordHash("hash"));
  }

  private static DirectoryProfile profile(String id, String username, String email, Set<String> roles) {
    return new DirectoryProfile(id, username, Map.of("name", "Ada Lovelace", "email", email),
        Map.of("locality", "London"), roles);
  }

  private UserAccount row(String externalId) {
    return table.findByExternalId("ldap", externalId).orElseThrow();
  }

  @Test
  void whenFirstSignIn_thenARowWithoutPassword_sourceLdap_theClaimsAndTheRoles() {
    DirectoryUsers.SignedIn signedIn =
        users.signedIn(profile("uuid-ada", "ada", "ada@gatehouse.test", Set.of("gatehouse-admin"))).orElseThrow();
    UserAccount ada = row("uuid-ada");
    assertEquals(ada.subject(), signedIn.subject());
    assertEquals("ldap", ada.source());
    assertNull(ada.passwordHash());
    assertEquals("ada@gatehouse.test", ada.profile().email());
    assertEquals(Map.of("locality", "London"), ada.profile().address());
    assertEquals(Set.of("gatehouse-admin"), ada.roles());
    assertEquals(clock.millis(), ada.updatedAt().toEpochMilli());
  }

  @Test
  void oidcCore_5_1_updatedAt_movesOnlyWhenTheProfileChanged_whileTheSubjectStays() {
    String subject = users.signedIn(profile("uuid-ada", "ada", "ada@gatehouse.test", Set.of())).orElseThrow()
        .subject();
    Instant first = row("uuid-ada").updatedAt();
    clock.advance(Duration.ofMinutes(1));
    users.signedIn(profile("uuid-ada", "ada", "ada@gatehouse.test", Set.of("gatehouse-admin")));
    assertEquals(first, row("uuid-ada").updatedAt(), "same claims (roles are no claim): updated_at stays");
    assertEquals(Set.of("gatehouse-admin"), row("uuid-ada").roles(), "roles follow the groups at every sign-in");
    clock.advance(Duration.ofMinutes(1));
    users.signedIn(profile("uuid-ada", "ada.lovelace", "ada@example.org", Set.of()));
    assertEquals(clock.millis(), row("uuid-ada").updatedAt().toEpochMilli());
    assertEquals("ada.lovelace", row("uuid-ada").username(), "a renamed entry keeps its row");
    assertEquals(subject, row("uuid-ada").subject());
    assertEquals(Set.of(), row("uuid-ada").roles());
  }

  @Test
  void whenTheUsernameBelongsToADatabaseUser_thenRefused_andNothingMerged() {
    assertTrue(users.signedIn(profile("uuid-erin", "erin", "erin@gatehouse.test", Set.of())).isEmpty());
    assertEquals(1, table.rows.size());
    UserAccount erin = table.get("database-erin");
    assertEquals("database", erin.source());
    assertEquals("hash", erin.passwordHash());
    assertNull(erin.profile().email());
  }

  @Test
  void whenANewEntryReusesTheUsernameOfAnEarlierEntry_thenRefused_soItNeverInheritsThatSubject() {
    users.signedIn(profile("uuid-old-jdoe", "jdoe", "jdoe@gatehouse.test", Set.of()));
    assertTrue(users.signedIn(profile("uuid-new-jdoe", "jdoe", "jdoe2@gatehouse.test", Set.of())).isEmpty());
  }

  @Test
  void whenTheUserIsDisabledInGatehouse_thenRefused_evenWithTheDirectoryAgreeing() {
    users.signedIn(profile("uuid-ada", "ada", "ada@gatehouse.test", Set.of()));
    table.update(row("uuid-ada").withDisabled(true));
    assertTrue(users.signedIn(profile("uuid-ada", "ada", "ada@gatehouse.test", Set.of())).isEmpty());
  }

  @Test
  void whenSignedInAndLaterRefreshed_thenTheRowHoldsTheGroupsTheDirectoryGaveLast() {
    DirectoryProfile inTwo = new DirectoryProfile("uuid-ada", "ada", Map.of(), Map.of(), Set.of("release-manager"),
        Set.of("platform", "release-managers"), 2);
    String subject = users.signedIn(inTwo).orElseThrow().subject();
    assertEquals(Set.of("platform", "release-managers"), row("uuid-ada").groups());

    users.refreshed(subject, new DirectoryProfile("uuid-ada", "ada", Map.of(), Map.of(), Set.of(), Set.of(), 0));
    assertEquals(Set.of(), row("uuid-ada").groups(), "out of the group: gone from the row at the refresh");
    assertEquals(Set.of(), row("uuid-ada").roles());
  }
}
