package dev.gatehouse.infrastructure.directory;

import dev.gatehouse.infrastructure.logging.SafeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.naming.AuthenticationException;
import javax.naming.CommunicationException;
import javax.naming.InvalidNameException;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.NoPermissionException;
import javax.naming.ServiceUnavailableException;
import javax.naming.directory.InvalidSearchFilterException;

/**
 * Whether the directory answers, as every use of it sees it (sign-ins, and the look-ups of refreshes and of the
 * administration, {@link DirectoryStanding}): one warning when a problem starts, saying what to check, one line when
 * the directory answers again, nothing in between. After a connection failure the directory is left alone for
 * {@value #REST_SECONDS} seconds, so that requests do not each wait for the connect timeout.
 */
@ApplicationScoped
public class DirectoryHealth {
  public static final int REST_SECONDS = 10;
  private static final SafeLog LOG = SafeLog.of(DirectoryHealth.class);

  @Inject Clock clock;

  /** The problem logged last, or null while the directory answers. */
  private volatile String problem;
  private volatile Instant restUntil = Instant.MIN;

  /** True while the directory is left alone after a connection failure. */
  public boolean resting() {
    return clock.instant().isBefore(restUntil);
  }

  /** The directory answered. */
  public void answered() {
    if (problem != null) {
      problem = null;
      LOG.info("LDAP identity store: the directory answers again");
    }
  }

  /** The directory did not answer, or refused the service account or a setting: logged once per problem. */
  public void failed(LdapSettings.Directory d, NamingException e) {
    boolean unreachable = e instanceof CommunicationException || e instanceof ServiceUnavailableException;
    if (unreachable) {
      restUntil = clock.instant().plus(Duration.ofSeconds(REST_SECONDS));
    }
    String what = describe(d, e);
    if (!what.equals(problem)) {
      problem = what;
      LOG.warning("LDAP identity store: {}; directory users cannot sign in until this is fixed, and their refreshes"
          + " and administration checks keep their last known roles and state; the other identity stores still"
          + " answer{}", what, unreachable ? " (next try in " + REST_SECONDS + " s)" : "");
    } else {
      LOG.fine("LDAP identity store, again: {}", what);
    }
  }

  /** One line that says what to look at; JNDI's messages carry LDAP result codes, never a password. */
  static String describe(LdapSettings.Directory d, NamingException e) {
    if (e instanceof CommunicationException || e instanceof ServiceUnavailableException) {
      Throwable cause = e.getRootCause() != null ? e.getRootCause() : e;
      if (cause instanceof javax.net.ssl.SSLException) {
        return "TLS with " + d.providerUrl() + " failed (" + cause + "): the JVM must trust the directory's"
            + " certificate, and the certificate must name the URL's host";
      }
      return "cannot reach " + d.providerUrl() + " (" + cause + ")";
    }
    if (e instanceof AuthenticationException) {
      return "the directory refused the service account (" + e.getExplanation() + "): check "
          + LdapSettings.BIND_DN + " and its password";
    }
    if (e instanceof NameNotFoundException || e instanceof InvalidNameException) {
      return "a search base is not in the directory (" + e.getExplanation() + "): check "
          + LdapSettings.USER_SEARCH_BASE + " and " + LdapSettings.GROUP_SEARCH_BASE;
    }
    if (e instanceof InvalidSearchFilterException) {
      return "the directory refused a filter (" + e.getExplanation() + "): check " + LdapSettings.USER_FILTER
          + " and " + LdapSettings.GROUP_FILTER;
    }
    if (e instanceof NoPermissionException) {
      return "the service account may not search (" + e.getExplanation() + "): check the directory's access rules";
    }
    return e.getClass().getSimpleName() + ": " + e.getExplanation();
  }
}
