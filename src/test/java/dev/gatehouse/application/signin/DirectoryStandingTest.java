package dev.gatehouse.application.signin;

import dev.gatehouse.infrastructure.directory.LdapSettingsTest;
import dev.gatehouse.infrastructure.directory.DirectoryHealth;
import dev.gatehouse.infrastructure.directory.LdapDirectory;
import dev.gatehouse.application.admin.AdminWiring;
import dev.gatehouse.application.oauth.OAuthWiring;
import dev.gatehouse.infrastructure.directory.DirectoryWiring;
import dev.gatehouse.infrastructure.directory.LdapSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.application.signin.DirectoryStanding.Verdict;
import dev.gatehouse.protocol.admin.AdminAccess;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.TokenEndpointAuthMethod;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.store.AccessToken;
import dev.gatehouse.protocol.store.InMemoryRefreshTokenStore;
import dev.gatehouse.protocol.store.RefreshToken;
import dev.gatehouse.protocol.store.UserAccount;
import dev.gatehouse.protocol.support.MutableClock;
import dev.gatehouse.protocol.token.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.naming.CommunicationException;
import javax.naming.NamingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.gatehouse.application.admin.AdminAuthorization;
import dev.gatehouse.application.admin.AdminFakes;
import dev.gatehouse.application.signin.DirectoryUsers;
import dev.gatehouse.application.signin.IdentityStoreSettings;
import dev.gatehouse.application.signin.LdapIdentityStore;
import dev.gatehouse.infrastructure.logging.LoggedWarnings;
import dev.gatehouse.application.oauth.RefreshingUsers;

/**
 * A directory user looked at again after its sign-in, by a refresh ({@link RefreshingUsers}) and by the
 * administration's checks ({@link AdminAuthorization}), over a directory double whose entries and groups a test
 * changes: its roles follow the directory, a user gone from it gets nothing, and a directory that cannot be asked
 * leaves the last known state.
 */
class DirectoryStandingTest {
  private static final String DN = "uid=lin,ou=staff,ou=people,dc=gatehouse,dc=test";
  private static final Duration ROLE_CACHE = Duration.ofSeconds(30);

  /** A directory whose entries (by username) and groups (by DN) the tests change; counts the searches. */
  static final class Directory extends LdapDirectory {
    final Map<String, LdapEntry> entries = new HashMap<>();
    final Map<String, Set<String>> groups = new HashMap<>();
    NamingException down;
    int searches;

    @Override
    public List<LdapEntry> findUsers(LdapSettings.Directory d, String username) throws NamingException {
      searches++;
      if (down != null) {
        throw down;
      }
      return Optional.ofNullable(entries.get(username)).map(List::of).orElse(List.of());
    }

    @Override
    public Set<String> groups(LdapSettings.Directory d, LdapEntry user, String username) {
      return groups.getOrDefault(user.dn(), Set.of());
    }
  }

  private final MutableClock clock = MutableClock.startingAt2025();
  private final Directory directory = new Directory();
  private final AdminFakes.Users rows = new AdminFakes.Users();
  private final IdentityStoreSettings stores = new IdentityStoreSettings();
  private final DirectoryStanding standing = new DirectoryStanding();
  private AdminAuthorization authorization;
  private LoggedWarnings warnings;

  @BeforeEach
  void wire() {
    stores.stores = "ldap,database";
    LdapSettings settings = DirectoryWiring.withRoleCache(LdapSettingsTest.openLdap(), ROLE_CACHE);
    DirectoryUsers users = new DirectoryUsers();
    users.users = rows;
    users.clock = clock;
    DirectoryHealth health = DirectoryWiring.health(clock);
    standing.stores = stores;
    standing.settings = settings;
    standing.directory = directory;
    standing.users = users;
    standing.health = health;
    standing.clock = clock;
    authorization = AdminWiring.authorization(new AdminFakes.Clients(), rows, standing);
    warnings = LoggedWarnings.of(DirectoryHealth.class);

    rows.insert(UserAccount.created("sub-lin", "lin", LdapIdentityStore.STORE_ID, "uuid-lin", Instant.EPOCH)
        .withRoles(Set.of("gatehouse-admin"))
        .withProfile(new UserAccount.Profile("Lin at sign-in", null, null, null, false, null, false, null, null,
            Map.of())));
    directory.entries.put("lin", entry("uuid-lin", "Lin Chen"));
    directory.groups.put(DN, Set.of("gatehouse-admins"));
  }

  @AfterEach
  void unhook() {
    warnings.close();
  }

  private static LdapDirectory.LdapEntry entry(String uuid, String name) {
    return new LdapDirectory.LdapEntry(DN, Map.of("entryuuid", List.of(uuid), "uid", List.of("lin"),
        "cn", List.of(name)));
  }

  private UserAccount lin() {
    return rows.get("sub-lin");
  }

  private boolean administers() {
    return authorization.current("sub-lin").filter(u -> AdminAccess.isAdministrator(u.disabled(), u.roles()))
        .isPresent();
  }

  @Test
  void whenTheEntryIsStillThere_thenPresentWithTheRolesOfItsGroups_andTheRowBroughtUpToDate() {
    directory.groups.put(DN, Set.of("gatehouse-admins", "engineering"));
    DirectoryStanding.Standing now = standing.now(lin());

    assertEquals(Verdict.PRESENT, now.verdict());
    assertEquals(Set.of("gatehouse-admin"), now.roles());
    assertEquals("Lin Chen", lin().profile().name(), "claims follow the directory too");
  }

  @Test
  void whenRemovedFromTheAdminGroup_thenTheAdministrationIsRefusedOnceTheRoleCacheIsOver_andTheRowLosesTheRole() {
    assertTrue(administers());
    directory.groups.put(DN, Set.of());

    clock.advance(ROLE_CACHE.minusMillis(1));
    assertTrue(administers(), "within GATEHOUSE_LDAP_ROLE_CACHE the last answer stands");
    clock.advance(Duration.ofMillis(1));
    assertFalse(administers());
    assertEquals(Set.of(), lin().roles());
    assertEquals(2, directory.searches, "one search per cache period, not per request");
  }

  @Test
  void whenTheEntryIsGoneOrTheNameNowBelongsToAnotherEntry_thenGone_andNoAdministration() {
    directory.entries.put("lin", entry("uuid-of-someone-else", "Another Lin"));
    assertEquals(Verdict.GONE, standing.now(lin()).verdict());
    assertEquals(Optional.empty(), authorization.current("sub-lin"));
    directory.entries.clear();
    assertEquals(Verdict.GONE, standing.now(lin()).verdict());
    assertEquals(Set.of("gatehouse-admin"), lin().roles(), "a gone user's row is left as it was");
  }

  @Test
  void whenTheDirectoryCannotBeReached_thenUnknown_theLastKnownRolesCount_andItIsLoggedOnce() {
    directory.down = new CommunicationException("127.0.0.1:10389");
    assertEquals(Verdict.UNKNOWN, standing.now(lin()).verdict());
    assertTrue(administers(), "an outage does not lock the directory's administrators out");
    clock.advance(Duration.ofSeconds(DirectoryHealth.REST_SECONDS));
    assertEquals(Verdict.UNKNOWN, standing.now(lin()).verdict());
    assertEquals(1, warnings.messages().size(), () -> String.join("\n", warnings.messages()));
    assertTrue(warnings.messages().get(0).contains("last known"), warnings.messages().get(0));
  }

  @Test
  void whenTheLdapStoreIsSwitchedOff_thenItsUsersAreGone() {
    stores.stores = "database";
    assertEquals(Verdict.GONE, standing.now(lin()).verdict());
    assertEquals(0, directory.searches);
  }

  @Test
  void whenDisabledInGatehouse_thenNoAdministration_withoutAskingTheDirectory() {
    rows.update(lin().withDisabled(true));
    assertFalse(administers());
    assertEquals(0, directory.searches);
  }

  // --- The refresh's view: RefreshingUsers --------------------------------------------------------------------

  private static final Client APP = Client.builder("app").name("App")
      .authMethod(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC).secretHash("sha256:x")
      .redirectUris(List.of("https://app.example/cb"))
      .grantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN)).scopes(Set.of("openid"))
      .rotateRefreshTokens(true).build();

  /** A RefreshingUsers for one request, asked before the refresh's transaction about lin's refresh token. */
  private RefreshingUsers refreshOfLin() {
    InMemoryRefreshTokenStore tokens = new InMemoryRefreshTokenStore();
    Instant now = clock.instant();
    tokens.save(new RefreshToken(TokenHash.of("lin-refresh"), "grant-lin", "app", "sub-lin", Set.of("openid"), now,
        now, now.plus(Duration.ofDays(30)), null, null));
    RefreshingUsers owners = OAuthWiring.refreshingUsers(tokens, rows, standing);
    owners.beforeRefresh(new TokenRequest("refresh_token", Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of("lin-refresh"), Optional.empty()), APP, now);
    return owners;
  }

  @Test
  void rfc6749_6_whenADirectoryUserRefreshes_thenTheDirectoryIsAskedAtEveryRefresh_andItsRolesFollow() {
    standing.recent(lin());
    directory.groups.put(DN, Set.of());

    assertTrue(refreshOfLin().isActive("sub-lin"));
    assertEquals(2, directory.searches, "a refresh does not trust the administration's cached answer");
    assertEquals(Set.of(), lin().roles());
    assertFalse(administers(), "the refresh's answer is the newest: the administration sees it at once");
  }

  @Test
  void rfc6749_5_2_whenTheDirectoryNoLongerHasTheUser_thenItsRefreshIsRefused() {
    directory.entries.clear();
    assertFalse(refreshOfLin().isActive("sub-lin"));
  }

  @Test
  void rfc6749_5_2_whenTheUserIsDisabledInGatehouse_thenItsRefreshIsRefused_withoutAskingTheDirectory() {
    rows.update(lin().withDisabled(true));
    assertFalse(refreshOfLin().isActive("sub-lin"));
    assertEquals(0, directory.searches);
  }

  @Test
  void rfc6749_5_2_whenTheLdapStoreIsSwitchedOff_thenADirectoryUsersRefreshIsRefused_withoutAnyLookUp() {
    stores.stores = "database";
    assertFalse(refreshOfLin().isActive("sub-lin"));
    assertEquals(0, directory.searches);
  }

  @Test
  void whenTheDirectoryCannotBeReachedAtARefresh_thenTheLastKnownStateCounts() {
    directory.down = new CommunicationException("127.0.0.1:10389");
    assertTrue(refreshOfLin().isActive("sub-lin"), "a directory outage must not sign its users out everywhere");
  }
}
