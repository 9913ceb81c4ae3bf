package dev.gatehouse.application.signin;

import dev.gatehouse.protocol.store.UserAccount;
import dev.gatehouse.protocol.store.UserStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.Optional;

/**
 * The built-in identity store: users in the {@code users} table, passwords checked with Jakarta Security's
 * {@code Pbkdf2PasswordHash} (see {@link PasswordHashing}). An unknown username costs the same hash computation as a
 * wrong password, so response timing does not tell which usernames exist; so does an attempt refused by a lockout
 * ({@link #spendFailedCheck}).
 *
 * <p>In the chain ({@link IdentityStoreChain}) a username this store does not have, or whose row belongs to another
 * store (a directory user), is {@code NOT_VALIDATED}, after the same hash work; a wrong password or a disabled user
 * is {@code INVALID}.
 */
@ApplicationScoped
public class DatabaseIdentityStore extends ChainedIdentityStore {

  public static final String STORE_ID = "database";

  @Inject UserStore users;
  @Inject PasswordHashing passwords;

  public DatabaseIdentityStore() {
    super(STORE_ID);
  }

  /** What an unknown user's password is checked against: a hash of nothing anyone knows. */
  String dummyHash;

  @PostConstruct
  void init() {
    dummyHash = passwords.hash("not-a-password-" + System.nanoTime());
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    Optional<UserAccount> user = users.findByUsername(login.getCaller())
        .filter(u -> STORE_ID.equals(u.source()) && u.passwordHash() != null);
    boolean matches =
        passwords.verify(login.getPasswordAsString(), user.map(UserAccount::passwordHash).orElse(dummyHash));
    if (user.isEmpty()) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    if (!matches || user.get().disabled()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    UserAccount u = user.get();
    return new CredentialValidationResult(STORE_ID, u.username(), null, u.subject(), u.roles());
  }

  /**
   * The work of a failed check, without looking at the answer: for an attempt refused before its password counts (a
   * locked account or address), so that it costs what a wrong password costs. The user's own hash is never used, so
   * a right password gets no different treatment.
   */
  @Override
  public void spendFailedCheck(String username, String password) {
    users.findByUsername(username);
    passwords.verify(password, dummyHash);
  }
}
