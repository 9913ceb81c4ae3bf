package dev.gatehouse.application.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.protocol.store.InMemoryUserStore;
import dev.gatehouse.protocol.store.UserAccount;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An unknown username, a wrong password and a refused (locked) attempt all do the same work: one user lookup and one
 * password-hash verification. Timing is not asserted; the work that makes it is counted.
 */
class DatabaseIdentityStoreTest {
  private static final String ALICE_HASH = "hash-of:alice-password";

  /** Hashing that records which stored hash each verification ran against. */
  static final class CountingPasswordHashing extends PasswordHashing {
    final List<String> verifiedAgainst = new ArrayList<>();

    @Override
    public String hash(String password) {
      return "hash-of:" + password;
    }

    @Override
    public boolean verify(String password, String storedHash) {
      verifiedAgainst.add(storedHash);
      return storedHash.equals(hash(password));
    }
  }

  /** Users: alice, and bob (disabled); counts lookups. */
  private static InMemoryUserStore aliceAndBob() {
    InMemoryUserStore users = new InMemoryUserStore();
    for (String username : List.of("alice", "bob")) {
      users.insert(UserAccount.created("subject-" + username, username, "database", null, Instant.EPOCH)
          .withPasswordHash("hash-of:" + username + "-password").withRoles(Set.of("gatehouse-admin", "auditor"))
          .withDisabled(username.equals("bob")));
    }
    return users;
  }

  private final CountingPasswordHashing passwords = new CountingPasswordHashing();
  private final InMemoryUserStore users = aliceAndBob();
  private final DatabaseIdentityStore store = new DatabaseIdentityStore();
  private String dummyHash;

  @BeforeEach
  void init() {
    store.passwords = passwords;
    store.users = users;
    store.stores = new IdentityStoreSettings();
    store.init();
    passwords.verifiedAgainst.clear();
    dummyHash = store.dummyHash;
  }

  private CredentialValidationResult.Status validate(String username, String password) {
    return store.validate(new UsernamePasswordCredential(username, password)).getStatus();
  }

  @Test
  void aValidSignInCarriesTheUsersRolesAsGroups() {
    CredentialValidationResult result = store.validate(new UsernamePasswordCredential("alice", "alice-password"));
    assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
    assertEquals("subject-alice", result.getCallerUniqueId());
    assertEquals(java.util.Set.of("gatehouse-admin", "auditor"), result.getCallerGroups());
  }

  @Test
  void aDisabledUserIsRefusedWithItsRightPasswordAfterTheSameWork() {
    assertEquals(CredentialValidationResult.Status.INVALID, validate("bob", "bob-password"));
    assertEquals(List.of("hash-of:bob-password"), passwords.verifiedAgainst);
  }

  @Test
  void anUnknownUsernameRunsOneHashVerificationLikeAWrongPassword_andLeavesTheAnswerToTheNextStore() {
    assertEquals(CredentialValidationResult.Status.INVALID, validate("alice", "wrong"));
    assertEquals(CredentialValidationResult.Status.NOT_VALIDATED, validate("nobody", "wrong"));
    assertEquals(List.of(ALICE_HASH, dummyHash), passwords.verifiedAgainst);
    assertEquals(2, users.usernameLookups);
  }

  @Test
  void aRefusedAttemptRunsTheSameWorkButNeverAgainstTheUsersHashEvenWithTheRightPassword() {
    store.spendFailedCheck("alice", "alice-password");
    store.spendFailedCheck("nobody", "wrong");
    assertEquals(List.of(dummyHash, dummyHash), passwords.verifiedAgainst);
    assertEquals(2, users.usernameLookups);
  }

  @Test
  void theRightPasswordIsValid() {
    assertEquals(CredentialValidationResult.Status.VALID, validate("alice", "alice-password"));
  }
}
