package dev.gatehouse.application.signin;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.INVALID;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.NOT_VALIDATED;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.support.MutableClock;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.naming.AuthenticationException;
import javax.naming.CommunicationException;
import javax.naming.NamingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.gatehouse.infrastructure.directory.DirectoryHealth;
import dev.gatehouse.infrastructure.directory.DirectoryWiring;
import dev.gatehouse.infrastructure.directory.DirectoryProfile;
import dev.gatehouse.application.signin.DirectoryStanding;
import dev.gatehouse.infrastructure.directory.LdapDirectory;
import dev.gatehouse.infrastructure.directory.LdapSettings;
import dev.gatehouse.infrastructure.directory.LdapSettingsTest;
import dev.gatehouse.infrastructure.logging.LoggedWarnings;

/**
 * The directory store's decisions, over a directory double that records every search and bind: who may sign in, what
 * is sent to the directory (never a password that was not the user's to send), the same work for unknown and known
 * users, and a directory that is down.
 */
class LdapIdentityStoreTest {
  private static final String ADA_DN = "uid=ada,ou=staff,ou=people,dc=gatehouse,dc=test";

  /** A directory with ada (password ada-pw, group gatehouse-admins) and two entries for twin. */
  static final class FakeDirectory extends LdapDirectory {
    final List<String> calls = new ArrayList<>();
    NamingException down;

    @Override
    public List<LdapEntry> findUsers(LdapSettings.Directory d, String username) throws NamingException {
      calls.add("search " + username);
      if (down != null) {
        throw down;
      }
      return switch (username) {
        case "ada" -> List.of(new LdapEntry(ADA_DN, Map.of("entryuuid", List.of("uuid-ada"), "uid", List.of("ada"),
            "cn", List.of("Ada Lovelace"))));
        case "twin" -> List.of(new LdapEntry("uid=twin,ou=a", Map.of()), new LdapEntry("uid=twin,ou=b", Map.of()));
        default -> List.of();
      };
    }

    @Override
    public boolean bind(LdapSettings.Directory d, String dn, String password) throws NamingException {
      calls.add("bind " + dn + " " + password);
      if (down != null) {
        throw down;
      }
      return dn.equals(ADA_DN) && password.equals("ada-pw");
    }

    @Override
    public Set<String> groups(LdapSettings.Directory d, LdapEntry user, String username) {
      calls.add("groups " + username);
      return Set.of("gatehouse-admins");
    }

    @Override
    public void probe(LdapSettings.Directory d) throws NamingException {
      if (down != null) {
        throw down;
      }
    }
  }

  /** Records every directory user, refusing the ones it is told to. */
  static final class FakeUsers extends DirectoryUsers {
    final List<DirectoryProfile> recorded = new ArrayList<>();
    boolean refuse;

    @Override
    public Optional<SignedIn> signedIn(DirectoryProfile profile) {
      recorded.add(profile);
      return refuse ? Optional.empty()
          : Optional.of(new SignedIn("subject-" + profile.externalId(), profile.username(), profile.roles()));
    }
  }

  private final FakeDirectory directory = new FakeDirectory();
  private final FakeUsers users = new FakeUsers();
  private final MutableClock clock = MutableClock.startingAt2025();
  private final LdapIdentityStore store = new LdapIdentityStore();
  private LoggedWarnings warnings;

  @BeforeEach
  void init() {
    IdentityStoreSettings order = new IdentityStoreSettings();
    order.stores = "ldap,database";
    store.stores = order;
    store.settings = LdapSettingsTest.openLdap();
    store.directory = directory;
    store.users = users;
    store.health = DirectoryWiring.health(clock);
    store.standing = new DirectoryStanding();
    store.standing.stores = order;
    store.standing.settings = store.settings;
    store.standing.clock = clock;
    warnings = LoggedWarnings.of(LdapIdentityStore.class, DirectoryHealth.class);
  }

  @AfterEach
  void removeHandler() {
    warnings.close();
  }

  private CredentialValidationResult validate(String username, String password) {
    return store.validate(new UsernamePasswordCredential(username, password));
  }

  /** The binds sent to the directory, with the DN and password of each. */
  private List<String> binds() {
    return directory.calls.stream().filter(c -> c.startsWith("bind ")).toList();
  }

  @Test
  void rfc4511_4_2_whenTheDirectoryAcceptsTheBind_thenValidWithTheRecordedSubjectAndMappedRoles() {
    CredentialValidationResult result = validate("ada", "ada-pw");
    assertEquals(VALID, result.getStatus());
    assertEquals("subject-uuid-ada", result.getCallerUniqueId());
    assertEquals("ada", result.getCallerPrincipal().getName());
    assertEquals(Set.of("gatehouse-admin"), result.getCallerGroups());
    assertEquals("Ada Lovelace", users.recorded.get(0).claim("name").orElseThrow());
    assertEquals(List.of("search ada", "bind " + ADA_DN + " ada-pw", "groups ada"), directory.calls);
  }

  @Test
  void rfc4513_5_1_2_whenPasswordIsEmpty_thenInvalidWithoutAskingTheDirectory() {
    assertEquals(INVALID, validate("ada", "").getStatus());
    assertEquals(List.of(), directory.calls, "an unauthenticated bind is never tried");
  }

  @Test
  void whenWrongPassword_thenInvalid_andNothingRecorded() {
    assertEquals(INVALID, validate("ada", "wrong").getStatus());
    assertTrue(users.recorded.isEmpty());
  }

  @Test
  void whenUnknownUsername_thenNotValidated_afterTheSameSearchAndOneBindThatIsNeverTheTypedPassword() {
    assertEquals(NOT_VALIDATED, validate("nobody", "typed-secret").getStatus());
    assertEquals(2, directory.calls.size());
    assertEquals("search nobody", directory.calls.get(0));
    assertEquals(1, binds().size());
    assertFalse(binds().get(0).contains("typed-secret"), binds().get(0));
    assertTrue(binds().get(0).contains(",ou=people,dc=gatehouse,dc=test "), "a DN under the search base");
  }

  @Test
  void whenTwoEntriesMatch_thenInvalidForBoth_andNeitherIsBoundWithThePassword() {
    assertEquals(INVALID, validate("twin", "twin-pw").getStatus());
    assertEquals(1, binds().size());
    assertFalse(binds().get(0).contains("twin-pw"));
    assertEquals(1, warnings.messages().size());
  }

  @Test
  void whenTheUserCannotBeRecorded_thenInvalid() {
    users.refuse = true;
    assertEquals(INVALID, validate("ada", "ada-pw").getStatus());
  }

  @Test
  void spendFailedCheck_searchesAndBindsAsAnAbsentEntry_neverWithTheTypedPasswordEvenForARealUser() {
    store.spendFailedCheck("ada", "ada-pw");
    assertEquals("search ada", directory.calls.get(0));
    assertEquals(1, binds().size());
    assertFalse(binds().get(0).contains("ada-pw") || binds().get(0).contains(ADA_DN), binds().get(0));
  }

  @Test
  void whenTheDirectoryIsDown_thenNotValidatedSoOtherStoresAnswer_oneLogLine_andItIsLeftAloneForAWhile() {
    directory.down = new CommunicationException("127.0.0.1:10389");
    assertEquals(NOT_VALIDATED, validate("ada", "ada-pw").getStatus());
    assertEquals(1, warnings.messages().size());
    assertTrue(warnings.messages().get(0).contains("cannot reach ldap://127.0.0.1:10389"),
        warnings.messages().get(0));
    int calls = directory.calls.size();

    assertEquals(NOT_VALIDATED, validate("ada", "ada-pw").getStatus());
    store.spendFailedCheck("ada", "x");
    assertEquals(calls, directory.calls.size(), "resting: no new connection attempt");

    clock.advance(Duration.ofSeconds(DirectoryHealth.REST_SECONDS));
    assertEquals(NOT_VALIDATED, validate("ada", "ada-pw").getStatus());
    assertEquals(1, warnings.messages().size(), "the same problem is not logged again");

    directory.down = null;
    clock.advance(Duration.ofSeconds(DirectoryHealth.REST_SECONDS));
    assertEquals(VALID, validate("ada", "ada-pw").getStatus());
  }

  @Test
  void whenTheServiceAccountIsRefused_thenNotValidated_andTheLogNamesTheSetting() {
    directory.down = new AuthenticationException("[LDAP: error code 49 - Invalid Credentials]");
    assertEquals(NOT_VALIDATED, validate("ada", "ada-pw").getStatus());
    assertTrue(warnings.messages().get(0).contains("GATEHOUSE_LDAP_BIND_DN"), warnings.messages().get(0));
  }

  @Test
  void whenNotInTheConfiguredStores_thenItValidatesNothing() {
    IdentityStoreSettings databaseOnly = new IdentityStoreSettings();
    store.stores = databaseOnly;
    assertEquals(Set.of(), store.validationTypes());
    assertEquals(NOT_VALIDATED, validate("ada", "ada-pw").getStatus());
    assertEquals(List.of(), directory.calls);
  }
}
