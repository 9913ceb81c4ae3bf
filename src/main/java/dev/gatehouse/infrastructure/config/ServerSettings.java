package dev.gatehouse.infrastructure.config;

import java.util.Optional;

/**
 * Who this server is and what it sets up at start: the issuer identifier, the bootstrap file, the demo.
 *
 * @param issuer {@value #ISSUER_NAME} as configured (checked where it is used: {@code GatehouseConfig#issuer()})
 * @param bootstrapFile a JSON file of clients and users applied at every start
 * @param demo {@code auto}, {@code true}/{@code on} or {@code false}/{@code off}, as configured
 */
public record ServerSettings(String issuer, Optional<String> bootstrapFile, String demo) {

  static final String ISSUER_NAME = "GATEHOUSE_ISSUER";

  public static final Setting ISSUER = Setting.of(ISSUER_NAME, "http://localhost:8080",
      "The issuer identifier, exactly; never derived from request headers.");
  public static final Setting BOOTSTRAP_FILE = Setting.optional("GATEHOUSE_BOOTSTRAP_FILE", "—",
      "A JSON file of clients and users, applied at every start.");
  public static final Setting DEMO = Setting.of("GATEHOUSE_DEMO", "auto",
      "Whether the demo client and user exist: auto means on the embedded default only.");

  public static ServerSettings read(SettingsReader settings) {
    return new ServerSettings(settings.string(ISSUER), settings.text(BOOTSTRAP_FILE), settings.string(DEMO));
  }
}
