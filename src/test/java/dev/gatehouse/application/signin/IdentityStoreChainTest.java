package dev.gatehouse.application.signin;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.INVALID;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The chain: the first store in the configured order that has the username decides; every failed attempt costs each
 * store's work once, whichever store refused it and whether or not the user exists.
 */
class IdentityStoreChainTest {

  /** A store with users (username to password), recording what was done to it. */
  static final class FakeStore extends ChainedIdentityStore {
    final String id;
    final Map<String, String> passwords;
    final List<String> work = new ArrayList<>();

    FakeStore(String id, Map<String, String> passwords) {
      super(id);
      this.id = id;
      this.passwords = passwords;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
      UsernamePasswordCredential login = (UsernamePasswordCredential) credential;
      work.add("check " + login.getCaller());
      String password = passwords.get(login.getCaller());
      if (password == null) {
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
      }
      return password.equals(login.getPasswordAsString())
          ? new CredentialValidationResult(id, login.getCaller(), null, id + ":" + login.getCaller(), Set.of())
          : CredentialValidationResult.INVALID_RESULT;
    }

    @Override
    public void spendFailedCheck(String username, String password) {
      work.add("spend " + username);
    }
  }

  private final FakeStore ldap = new FakeStore("ldap", Map.of("erin", "directory-pw", "ada", "ada-pw"));
  private final FakeStore database = new FakeStore("database", Map.of("erin", "database-pw", "bob", "bob-pw"));

  private static CredentialValidationResult signIn(List<ChainedIdentityStore> chain, String user, String pw) {
    return IdentityStoreChain.validate(chain, new UsernamePasswordCredential(user, pw));
  }

  @Test
  void whenUsernameIsInBothStores_thenTheFirstInTheOrderDecides_ldapFirst() {
    List<ChainedIdentityStore> chain = List.of(ldap, database);
    assertEquals("ldap:erin", signIn(chain, "erin", "directory-pw").getCallerUniqueId());
    assertEquals(INVALID, signIn(chain, "erin", "database-pw").getStatus(), "the database's password is not asked");
  }

  @Test
  void whenUsernameIsInBothStores_thenTheFirstInTheOrderDecides_databaseFirst() {
    List<ChainedIdentityStore> chain = List.of(database, ldap);
    assertEquals("database:erin", signIn(chain, "erin", "database-pw").getCallerUniqueId());
    assertEquals(INVALID, signIn(chain, "erin", "directory-pw").getStatus(), "the directory's password is not asked");
  }

  @Test
  void whenTheFirstStoreLacksTheUser_thenTheNextDecides() {
    List<ChainedIdentityStore> chain = List.of(ldap, database);
    assertEquals(VALID, signIn(chain, "bob", "bob-pw").getStatus());
    assertEquals(List.of("check bob"), ldap.work);
  }

  @Test
  void whenAStoreRefuses_thenLaterStoresDoTheWorkOfAFailureAndTheAnswerIsInvalid() {
    List<ChainedIdentityStore> chain = List.of(ldap, database);
    assertEquals(INVALID, signIn(chain, "ada", "wrong").getStatus());
    assertEquals(List.of("check ada"), ldap.work);
    assertEquals(List.of("spend ada"), database.work);
  }

  @Test
  void whenNoStoreHasTheUser_thenInvalidLikeAWrongPassword_afterEveryStoreLookedOnce() {
    List<ChainedIdentityStore> chain = List.of(ldap, database);
    assertEquals(INVALID, signIn(chain, "nobody", "whatever").getStatus());
    assertEquals(List.of("check nobody"), ldap.work);
    assertEquals(List.of("check nobody"), database.work);
  }

  @Test
  void whenSignInSucceeds_thenLaterStoresAreNotTouched() {
    assertEquals(VALID, signIn(List.of(ldap, database), "ada", "ada-pw").getStatus());
    assertEquals(List.of(), database.work);
  }

  @Test
  void resolve_whenOrderNamesAStoreThatIsNotDeployed_thenStartUpStops() {
    assertEquals(List.of(database, ldap),
        IdentityStoreChain.resolve(List.of("database", "ldap"), List.of(ldap, database)));
    assertThrows(IllegalStateException.class, () -> IdentityStoreChain.resolve(List.of("ldap"), List.of(database)));
  }
}
