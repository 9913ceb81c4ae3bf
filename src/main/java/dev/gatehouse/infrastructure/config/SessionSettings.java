package dev.gatehouse.infrastructure.config;

import java.time.Duration;

/** The SSO session's lifetimes: without use, and in all. */
public record SessionSettings(Duration idle, Duration max) {

  public static final Setting IDLE = Setting.of("GATEHOUSE_SESSION_IDLE", "PT30M",
      "An SSO session ends after this long without use.");
  public static final Setting MAX = Setting.of("GATEHOUSE_SESSION_MAX", "PT10H",
      "An SSO session ends this long after its sign-in, however much it is used.");

  public static SessionSettings read(SettingsReader settings) {
    return new SessionSettings(settings.duration(IDLE), settings.duration(MAX));
  }
}
