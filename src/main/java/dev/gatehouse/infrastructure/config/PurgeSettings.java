package dev.gatehouse.infrastructure.config;

import java.time.Duration;

/** The purge of expired and revoked rows: how often, how long a row stays, and how many go per transaction. */
public record PurgeSettings(Duration interval, Duration retention, int batch) {

  public static final Setting INTERVAL = Setting.of("GATEHOUSE_PURGE_INTERVAL", "PT5M",
      "How often expired and revoked rows are purged.");
  public static final Setting RETENTION = Setting.of("GATEHOUSE_PURGE_RETENTION", "PT1H",
      "How long a row stays after it expired or was revoked.");
  public static final Setting BATCH = Setting.of("GATEHOUSE_PURGE_BATCH", "500",
      "Rows deleted per purge transaction.");

  public static PurgeSettings read(SettingsReader settings) {
    return new PurgeSettings(settings.duration(INTERVAL), settings.duration(RETENTION), settings.integer(BATCH));
  }
}
