package dev.gatehouse.application.signin;

import dev.gatehouse.infrastructure.config.Setting;
import dev.gatehouse.infrastructure.config.SettingsReader;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GATEHOUSE_IDENTITY_STORES}: which identity stores sign users in, in which order, e.g. {@code ldap,database}.
 * The default is the database store alone. Each store's Jakarta Security {@code priority()} follows this order.
 */
@ApplicationScoped
public class IdentityStoreSettings {
  static final Setting STORES = Setting.of("GATEHOUSE_IDENTITY_STORES", DatabaseIdentityStore.STORE_ID,
      "Which identity stores sign users in, in which order.");
  /** The stores there are. */
  static final List<String> KNOWN = List.of(DatabaseIdentityStore.STORE_ID, LdapIdentityStore.STORE_ID);

  String stores = DatabaseIdentityStore.STORE_ID;

  private volatile List<String> order;

  @PostConstruct
  void read() {
    stores = SettingsReader.microProfileConfig().string(STORES);
  }

  /** The configured stores, first asked first. */
  public List<String> order() {
    List<String> o = order;
    if (o == null) {
      try {
        o = parseOrder(stores);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(STORES + ": " + e.getMessage(), e);
      }
      order = o;
    }
    return o;
  }

  /**
   * The Jakarta Security priority of a store ("Identity stores with a lower priority value are consulted first"):
   * 10, 20, … in the configured order; a store that is not configured comes last (and validates nothing).
   */
  public int priority(String storeId) {
    int index = order().indexOf(storeId);
    return index < 0 ? Integer.MAX_VALUE : (index + 1) * 10;
  }

  public boolean enabled(String storeId) {
    return order().contains(storeId);
  }

  static List<String> parseOrder(String value) {
    List<String> order = new ArrayList<>();
    for (String part : (value == null ? "" : value).split(",")) {
      String id = part.strip().toLowerCase(Locale.ROOT);
      if (id.isEmpty()) {
        continue;
      }
      if (!KNOWN.contains(id)) {
        throw new IllegalArgumentException("'" + part.strip() + "' is not an identity store; the stores are "
            + String.join(", ", KNOWN));
      }
      if (order.contains(id)) {
        throw new IllegalArgumentException("'" + id + "' is listed twice");
      }
      order.add(id);
    }
    if (order.isEmpty()) {
      throw new IllegalArgumentException("list at least one identity store (" + String.join(", ", KNOWN) + ")");
    }
    return List.copyOf(order);
  }
}
