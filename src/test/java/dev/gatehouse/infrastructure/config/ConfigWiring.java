package dev.gatehouse.infrastructure.config;

/** Configuration as the tests of other packages need it, as MicroProfile Config would have set it. */
public final class ConfigWiring {
  private ConfigWiring() {}

  public static GatehouseConfig logout(LogoutSettings logout) {
    GatehouseConfig config = new GatehouseConfig();
    config.logout = logout;
    return config;
  }
}
