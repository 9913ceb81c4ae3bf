package dev.gatehouse.application.signin;

import dev.gatehouse.infrastructure.logging.SafeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.naming.CommunicationException;
import javax.naming.NamingException;
import javax.naming.ServiceUnavailableException;
import dev.gatehouse.infrastructure.directory.DirectoryHealth;
import dev.gatehouse.infrastructure.directory.DirectoryProfile;
import dev.gatehouse.application.signin.DirectoryStanding;
import dev.gatehouse.infrastructure.directory.LdapDirectory;
import dev.gatehouse.infrastructure.directory.LdapSettings;

/**
 * The directory identity store: users of an existing LDAP directory (OpenLDAP, Active Directory, …) sign in with the
 * directory's password, configured by {@link LdapSettings} without rebuilding.
 *
 * <p>A sign-in: search for the username with the service account (the value escaped, RFC 4515); exactly one entry must
 * match; bind as that entry's DN with the password typed (RFC 4511 §4.2), never an empty one; read the user's groups;
 * record the user ({@link DirectoryUsers}), whose row id is the subject. Its answers follow {@link
 * ChainedIdentityStore}: no entry is {@code NOT_VALIDATED} (the next store is asked); a wrong password, an ambiguous
 * username, a username taken by another user, or a user disabled in Gatehouse is {@code INVALID}.
 *
 * <p>Same cost whether the entry exists or not: when no entry (or more than one) matches, the store still binds once,
 * as a DN that does not exist and with a password of its own, never the one typed, so that a lookup of an unknown
 * username costs the same search and the same fresh connection and bind as a wrong password.
 *
 * <p>A directory that is down or misconfigured: one log line (and one more when it answers again), then {@code
 * NOT_VALIDATED}, so the other stores keep working and the user gets the ordinary failure page. After a connection
 * failure the directory is left alone for a while ({@link DirectoryHealth}), so that sign-ins do not each wait for the
 * connect timeout.
 */
@ApplicationScoped
public class LdapIdentityStore extends ChainedIdentityStore {
  public static final String STORE_ID = "ldap";
  private static final SafeLog LOG = SafeLog.of(LdapIdentityStore.class);

  @Inject LdapSettings settings;
  @Inject LdapDirectory directory;
  @Inject DirectoryUsers users;
  @Inject DirectoryHealth health;
  @Inject DirectoryStanding standing;

  /** What the timing bind uses: an entry no directory has, and a password nobody typed. */
  private final String absentRdn = "cn=gatehouse-absent-" + UUID.randomUUID();
  private final String absentPassword = UUID.randomUUID().toString();

  public LdapIdentityStore() {
    super(STORE_ID);
  }

  @Override
  protected boolean active() {
    return super.active() && settings.directory().isPresent();
  }

  /** The directory, when this store is in the chain. */
  private Optional<LdapSettings.Directory> configured() {
    return super.active() ? settings.directory() : Optional.empty();
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    Optional<LdapSettings.Directory> d = configured();
    if (d.isEmpty() || !(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String username = login.getCaller();
    String password = login.getPasswordAsString();
    if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
      // RFC 4513 §5.1.2: a bind with a DN and an empty password is an "unauthenticated bind", which many servers let
      // succeed. It proves nothing, so it is never tried.
      return CredentialValidationResult.INVALID_RESULT;
    }
    if (health.resting()) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    try {
      CredentialValidationResult result = check(d.get(), username, password);
      health.answered();
      return result;
    } catch (NamingException e) {
      health.failed(d.get(), e);
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    } catch (RuntimeException e) {
      // Not expected from JNDI; still never a 500 for the user, and the other stores still answer.
      LOG.severe(e, "LDAP identity store: unexpected failure");
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
  }

  private CredentialValidationResult check(LdapSettings.Directory d, String username, String password)
      throws NamingException {
    List<LdapDirectory.LdapEntry> found = directory.findUsers(d, username);
    if (found.size() != 1) {
      bindAbsent(d);
      if (found.isEmpty()) {
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
      }
      LOG.warning("sign-in refused: more than one directory entry matches the username ({}, {}); narrow {} or {}",
          found.get(0).dn(), found.get(1).dn(), LdapSettings.USER_FILTER, LdapSettings.USER_SEARCH_BASE);
      return CredentialValidationResult.INVALID_RESULT;
    }
    LdapDirectory.LdapEntry entry = found.get(0);
    if (!directory.bind(d, entry.dn(), password)) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    Set<String> groups = directory.groups(d, entry, entry.first(d.usernameAttribute()).orElse(username));
    Optional<DirectoryUsers.SignedIn> user = DirectoryProfile.of(d, entry, username, groups).flatMap(this::record);
    user.ifPresent(u -> standing.signedIn(u.subject(), u.roles()));
    return user.map(u -> new CredentialValidationResult(STORE_ID, u.username(), entry.dn(), u.subject(), u.roles()))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }

  /**
   * Records the user; once more if that fails (two first sign-ins of one user at once both insert, and the unique key
   * refuses one). A second failure refuses the sign-in, with the reason in the log.
   */
  private Optional<DirectoryUsers.SignedIn> record(DirectoryProfile profile) {
    try {
      return users.signedIn(profile);
    } catch (RuntimeException first) {
      try {
        return users.signedIn(profile);
      } catch (RuntimeException second) {
        LOG.severe(second, "sign-in refused: directory user {} could not be recorded", profile.externalId());
        return Optional.empty();
      }
    }
  }

  @Override
  public void spendFailedCheck(String username, String password) {
    Optional<LdapSettings.Directory> d = configured();
    if (d.isEmpty() || health.resting()) {
      return;
    }
    try {
      directory.findUsers(d.get(), username);
      bindAbsent(d.get());
      health.answered();
    } catch (NamingException e) {
      health.failed(d.get(), e);
    }
  }

  /** The bind of the timing rule: a fresh connection and a refused bind, as a wrong password costs. */
  private void bindAbsent(LdapSettings.Directory d) throws NamingException {
    try {
      directory.bind(d, absentRdn + "," + d.userSearchBase(), absentPassword);
    } catch (CommunicationException | ServiceUnavailableException down) {
      throw down;
    } catch (NamingException refusedSomehow) {
      // No such entry, or a refusal in another form: as expected.
    }
  }

  /** Checks the directory once at start-up and logs what it found. */
  public void probe() {
    configured().ifPresent(d -> {
      try {
        directory.probe(d);
        LOG.info("LDAP identity store: {}; the directory answers", d);
      } catch (NamingException e) {
        health.failed(d, e);
      }
    });
  }
}
