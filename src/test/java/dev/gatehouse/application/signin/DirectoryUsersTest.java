package dev.gatehouse.application.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.AccessPolicy;
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
import dev.gatehouse.infrastructure.logging.LoggedWarnings;

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
        Map.of("locality", "London"), roles, Set.of());
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
  void whenSignedInAndRefreshed_thenTheGroupNamesTheDirectoryGaveAreOnTheRow_forAccessPolicies() {
    DirectoryProfile withGroups = new DirectoryProfile("uuid-grace", "grace", Map.of(), Map.of(), Set.of(),
        Set.of("engineering", "Finance Team"));
    String subject = users.signedIn(withGroups).orElseThrow().subject();
    assertEquals(Set.of("engineering", "Finance Team"), row("uuid-grace").groups());
    long updatedAt = row("uuid-grace").updatedAt().toEpochMilli();

    clock.advance(java.time.Duration.ofMinutes(1));
    users.refreshed(subject, new DirectoryProfile("uuid-grace", "grace", Map.of(), Map.of(), Set.of(), Set.of()));

    assertEquals(Set.of(), row("uuid-grace").groups(), "removed from its groups in the directory");
    assertEquals(updatedAt, row("uuid-grace").updatedAt().toEpochMilli(), "groups are not a claim");
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
  void whenMoreGroupsThanMaxGroups_thenEveryGroupIsOnTheRow_forAllowedGroups_andOneWarningUntilTheyChange() {
    Set<String> five = Set.of("a", "b", "c", "d", "zz-finance");
    DirectoryProfile inFive = new DirectoryProfile("uuid-ada", "ada", Map.of(), Map.of(), Set.of(), five, 3);
    try (LoggedWarnings warnings = LoggedWarnings.of(DirectoryUsers.class)) {
      String subject = users.signedIn(inFive).orElseThrow().subject();
      assertEquals(five, row("uuid-ada").groups(), "every group, past the claim's bound too, for allowed_groups");
      assertTrue(new AccessPolicy(Set.of(), Set.of("ZZ-Finance")).permits(row("uuid-ada").member()),
          "an allowed_groups policy naming a group past the bound admits the user");
      users.refreshed(subject, inFive);
      users.signedIn(inFive);
      assertEquals(1, warnings.messages().size(), "once, while the groups stay the same: " + warnings.messages());
      assertTrue(warnings.messages().get(0).contains(subject));

      users.refreshed(subject, new DirectoryProfile("uuid-ada", "ada", Map.of(), Map.of(), Set.of(),
          Set.of("a", "b", "c", "d"), 3));
      assertEquals(2, warnings.messages().size(), "again when they change");
      assertEquals(Set.of("a", "b", "c", "d"), row("uuid-ada").groups());
    }
  }
}
