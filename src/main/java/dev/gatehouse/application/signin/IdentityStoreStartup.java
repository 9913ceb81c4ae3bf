package dev.gatehouse.application.signin;

import dev.gatehouse.infrastructure.logging.SafeLog;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import dev.gatehouse.infrastructure.directory.LdapSettings;

/**
 * At start-up: checks {@code GATEHOUSE_IDENTITY_STORES} and the {@code GATEHOUSE_LDAP_*} settings, so that a bad
 * value stops the deployment with a message naming the setting rather than failing the first sign-in; logs the chain;
 * and asks the directory once whether it answers (a directory that is down is logged, and does not stop Gatehouse).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IdentityStoreStartup {
  private static final SafeLog LOG = SafeLog.of(IdentityStoreStartup.class);

  @Inject IdentityStoreChain chain;
  @Inject LdapSettings ldapSettings;
  @Inject LdapIdentityStore ldap;

  @PostConstruct
  void check() {
    List<String> order = chain.order();
    Optional<LdapSettings.Directory> directory = ldapSettings.directory();
    consistent(order, directory).ifPresent(LOG::warning);
    LOG.info("Identity stores, asked in this order: {}", String.join(", ", order));
    if (order.contains(LdapIdentityStore.STORE_ID)) {
      ldap.probe();
    }
  }

  /**
   * Whether the store order and the directory settings agree: ldap listed without a directory stops the start; a
   * directory that is not listed is only worth a warning (it may be switched off on purpose).
   */
  static Optional<String> consistent(List<String> order, Optional<LdapSettings.Directory> directory) {
    boolean listed = order.contains(LdapIdentityStore.STORE_ID);
    if (listed && directory.isEmpty()) {
      throw new IllegalStateException(IdentityStoreSettings.STORES + " lists ldap, but " + LdapSettings.URL
          + " is not set");
    }
    return !listed && directory.isPresent()
        ? Optional.of(LdapSettings.URL + " is set, but " + IdentityStoreSettings.STORES + " ("
            + String.join(",", order) + ") does not list ldap: the directory is not used")
        : Optional.empty();
  }
}
