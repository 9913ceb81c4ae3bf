package dev.gatehouse.infrastructure.directory;

import java.time.Clock;
import java.time.Duration;

/** The directory adapters as the tests of other packages need them, as CDI would have wired them. */
public final class DirectoryWiring {
  private DirectoryWiring() {}

  public static DirectoryHealth health(Clock clock) {
    DirectoryHealth health = new DirectoryHealth();
    health.clock = clock;
    return health;
  }

  /** {@code settings} with {@code GATEHOUSE_LDAP_ROLE_CACHE} set to {@code roleCache}. */
  public static LdapSettings withRoleCache(LdapSettings settings, Duration roleCache) {
    settings.roleCache = roleCache;
    return settings;
  }
}
