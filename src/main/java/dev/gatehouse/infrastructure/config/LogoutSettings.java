package dev.gatehouse.infrastructure.config;

import java.time.Duration;

/**
 * Back-channel logout deliveries (OIDC Back-Channel Logout 1.0), and where a self-registered client's URIs may point.
 *
 * @param waitBound how long an RP-initiated logout waits, in all, for its own notifications before it answers the browser
 *     ({@code PT0S}: not at all)
 * @param dynamicClientsMayCallInternal whether URIs of dynamically registered clients may point at internal
 *     addresses ({@code OutboundGuard})
 */
public record LogoutSettings(Duration retryInterval, int maxAttempts, Duration timeout, Duration waitBound,
    boolean dynamicClientsMayCallInternal) {

  public static final Setting RETRY_INTERVAL = Setting.of("GATEHOUSE_LOGOUT_RETRY_INTERVAL", "PT15S",
      "How often failed back-channel logout notifications are looked at again.");
  public static final Setting MAX_ATTEMPTS = Setting.of("GATEHOUSE_LOGOUT_MAX_ATTEMPTS", "10",
      "Attempts per back-channel notification before it is given up.");
  public static final Setting TIMEOUT = Setting.of("GATEHOUSE_LOGOUT_TIMEOUT", "PT5S",
      "How long a relying party may stay silent before it answers a back-channel notification.");
  public static final Setting WAIT = Setting.of("GATEHOUSE_LOGOUT_WAIT", "PT2S",
      "How long an RP-initiated logout waits, in all, for its back-channel notifications before it answers.");
  public static final Setting DYNAMIC_CLIENTS_MAY_CALL_INTERNAL = Setting.of(
      "GATEHOUSE_DYNAMIC_CLIENTS_MAY_CALL_INTERNAL", "false",
      "Whether the back-channel URI of a self-registered client may point at internal addresses.");

  public static LogoutSettings read(SettingsReader settings) {
    return new LogoutSettings(settings.duration(RETRY_INTERVAL), settings.integer(MAX_ATTEMPTS),
        settings.duration(TIMEOUT), notNegative(settings, WAIT), settings.flag(DYNAMIC_CLIENTS_MAY_CALL_INTERNAL));
  }

  private static Duration notNegative(SettingsReader settings, Setting setting) {
    Duration value = settings.duration(setting);
    if (value.isNegative()) {
      throw SettingsReader.invalid(setting, "must be PT0S or a positive ISO-8601 duration, got " + value);
    }
    return value;
  }
}
