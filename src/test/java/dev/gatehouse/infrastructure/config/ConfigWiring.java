package dev.gatehouse.infrastructure.config;

import java.time.Duration;

/** Configuration as the tests of other packages need it, as MicroProfile Config would have set it. */
public final class ConfigWiring {
  private ConfigWiring() {}

  public static GatehouseConfig logout(Duration retryInterval, int maxAttempts, Duration timeout) {
    GatehouseConfig config = new GatehouseConfig();
    config.logoutRetryInterval = retryInterval;
    config.logoutMaxAttempts = maxAttempts;
    config.logoutTimeout = timeout;
    return config;
  }
}
