package dev.gatehouse.application.admin;

import static dev.gatehouse.application.admin.AdminFakes.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.store.UserAccount;
import dev.gatehouse.protocol.error.FieldProblem;
import dev.gatehouse.protocol.error.InvalidFieldsException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.gatehouse.application.session.LogoutAfterCommit;
import dev.gatehouse.protocol.admin.UserProfile;
import dev.gatehouse.protocol.admin.UserSpec;

/**
 * Database users: created, changed, disabled (sessions ended, tokens revoked), given a password; directory users are
 * disabled and enabled like any user, but their claims, roles and password stay the directory's.
 */
class UserAdministrationTest {
  private final UserAdministration service = new UserAdministration();
  private final AdminFakes.Users users = new AdminFakes.Users();
  private final AdminFakes.Sessions sessions = new AdminFakes.Sessions();
  private final AdminFakes.Revocations revocations = new AdminFakes.Revocations();
  private final AdminFakes.Changes changes = new AdminFakes.Changes();
  private final AdminFakes.Events<LogoutAfterCommit.SessionsEnded> events = new AdminFakes.Events<>();

  @BeforeEach
  void wire() {
    service.users = users;
    service.passwords = new AdminFakes.Passwords();
    service.sessions = sessions;
    service.revocation = revocations;
    service.sessionsEnded = events;
    service.changes = changes;
    service.clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  }

  private static UserProfile profile(String name) {
    return new UserProfile(name, null, null, name.toLowerCase() + "@example.com", true, null, false, null, null,
        Map.of());
  }

  private AdminUser kim() {
    return service.create(ADMIN, new UserSpec("kim", "kim-password", profile("Kim"), Set.of("gatehouse-admin")));
  }

  @Test
  void whenCreated_thenPasswordHashedAndRolesAndClaimsKept() {
    AdminUser kim = kim();

    UserAccount row = users.get(kim.subject());
    assertEquals("hash:kim-password", row.passwordHash());
    assertEquals(Set.of("gatehouse-admin"), row.roles());
    assertEquals("database", row.source());
    assertEquals("Kim", kim.profile().name());
    assertTrue(kim.profile().emailVerified());
    assertEquals(List.of("user.create user:" + kim.subject()), changes.recorded);
  }

  @Test
  void whenUsernameTaken_thenConflict() {
    kim();
    AdministrationException e = assertThrows(AdministrationException.class,
        () -> service.create(ADMIN, new UserSpec("kim", "other-password", profile("K"), null)));
    assertEquals(AdministrationException.Kind.CONFLICT, e.kind());
    assertEquals("username", e.field());
  }

  @Test
  void whenFieldsBad_thenEveryProblemNamed() {
    UserSpec bad = new UserSpec("has space", "short", new UserProfile(null, null, null, "e".repeat(300), false, null,
        false, null, null, Map.of()), Set.of("no spaces allowed"));
    InvalidFieldsException e = assertThrows(InvalidFieldsException.class, () -> service.create(ADMIN, bad));
    assertEquals(List.of("username", "password", "email", "roles"),
        e.problems().stream().map(FieldProblem::field).toList());
    assertTrue(users.rows.isEmpty());
  }

  @Test
  void whenUpdated_thenClaimsAndRolesReplacedAndUpdatedAtMovesOnlyOnAChange() {
    AdminUser kim = kim();
    users.put(users.get(kim.subject()).withUpdatedAt(Instant.ofEpochMilli(1)));

    service.update(ADMIN, kim.subject(), profile("Kim"), Set.of());
    assertEquals(1, users.get(kim.subject()).updatedAt().toEpochMilli(), "same claims: updated_at stays");
    assertEquals(Set.of(), users.get(kim.subject()).roles());

    AdminUser renamed = service.update(ADMIN, kim.subject(), profile("Kim Lee"), null);
    assertEquals("Kim Lee", renamed.profile().name());
    assertTrue(users.get(kim.subject()).updatedAt().toEpochMilli() > 1);
    assertEquals(Set.of(), renamed.roles(), "null roles: left as they were");
  }

  @Test
  void whenDisabled_thenSessionsEndedTokensRevokedAndLogoutSentAfterCommit() {
    AdminUser kim = kim();

    AdminUser disabled = service.disable(ADMIN, kim.subject());

    assertTrue(disabled.disabled());
    assertEquals(List.of(kim.subject()), sessions.endedFor);
    assertEquals(List.of("user:" + kim.subject()), revocations.revoked);
    assertEquals(List.of(new LogoutAfterCommit.SessionsEnded(1)), events.fired);
    assertFalse(service.enable(ADMIN, kim.subject()).disabled());
  }

  @Test
  void whenPasswordSet_thenHashedAndNeverRecorded() {
    AdminUser kim = kim();
    service.setPassword(ADMIN, kim.subject(), "a-new-password");
    assertEquals("hash:a-new-password", users.get(kim.subject()).passwordHash());
    assertTrue(changes.recorded.stream().noneMatch(c -> c.contains("a-new-password")));
    assertThrows(InvalidFieldsException.class, () -> service.setPassword(ADMIN, kim.subject(), "short"));
  }

  private void lee() {
    users.insert(UserAccount.created("sub-ldap", "lee", "ldap", null, Instant.EPOCH)
        .withRoles(Set.of("gatehouse-admin")));
  }

  @Test
  void whenDirectoryUser_thenItsClaimsRolesAndPasswordAreTheDirectorys() {
    lee();

    assertEquals(AdministrationException.Kind.CONFLICT, assertThrows(AdministrationException.class,
        () -> service.setPassword(ADMIN, "sub-ldap", "long-enough")).kind());
    assertEquals(AdministrationException.Kind.CONFLICT, assertThrows(AdministrationException.class,
        () -> service.update(ADMIN, "sub-ldap", profile("Lee"), Set.of())).kind());
    assertEquals(Set.of("gatehouse-admin"), users.get("sub-ldap").roles());
    assertFalse(service.get("sub-ldap").orElseThrow().editable());
  }

  @Test
  void whenADirectoryUserIsDisabled_thenSessionsEndedTokensRevoked_andItCanBeEnabledAgain() {
    lee();

    AdminUser disabled = service.disable(ADMIN, "sub-ldap");

    assertTrue(disabled.disabled());
    assertTrue(users.get("sub-ldap").disabled());
    assertEquals(List.of("sub-ldap"), sessions.endedFor);
    assertEquals(List.of("user:sub-ldap"), revocations.revoked);
    assertEquals(List.of(new LogoutAfterCommit.SessionsEnded(1)), events.fired);
    assertFalse(service.enable(ADMIN, "sub-ldap").disabled());
    assertEquals(List.of("user.disable user:sub-ldap sessions_ended=1 tokens_revoked=2", "user.enable user:sub-ldap"),
        changes.recorded);
  }

  @Test
  void whenUnknownUser_thenNotFound() {
    assertEquals(AdministrationException.Kind.NOT_FOUND, assertThrows(AdministrationException.class,
        () -> service.enable(ADMIN, "nope")).kind());
  }
}
