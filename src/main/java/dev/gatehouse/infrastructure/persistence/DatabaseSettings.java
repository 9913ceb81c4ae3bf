package dev.gatehouse.infrastructure.persistence;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The database settings, read from MicroProfile Config (so {@code GATEHOUSE_DB_URL} and friends work as environment
 * variables). Plain class, not a CDI bean: the data source and the EclipseLink customizer are created by the container
 * before CDI can inject anything into them.
 *
 * <p>Without {@code GATEHOUSE_DB_URL}, Gatehouse uses an H2 database in a file under {@code GATEHOUSE_DATA_DIR}
 * (default {@code ./gatehouse-data}), which survives restarts: the embedded default.
 */
public record DatabaseSettings(
    String url, String user, String password, String tablePrefix, boolean migrate, boolean embedded,
    Path dataDir) {

  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}|");

  /** Reads the settings; an invalid table prefix stops the start-up with a clear message. */
  public static DatabaseSettings load() {
    Config config = ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader());
    Path dataDir = Path.of(text(config, "GATEHOUSE_DATA_DIR").orElse("gatehouse-data")).toAbsolutePath().normalize();
    Optional<String> url = text(config, "GATEHOUSE_DB_URL");
    String prefix = text(config, "GATEHOUSE_TABLE_PREFIX").orElse("gatehouse_");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalStateException(
          "GATEHOUSE_TABLE_PREFIX must be empty or match [a-z][a-z0-9_]{0,29}, got '" + prefix + "'");
    }
    boolean migrate = text(config, "GATEHOUSE_DB_MIGRATE").map(Boolean::parseBoolean).orElse(true);
    return new DatabaseSettings(
        url.orElse(embeddedUrl(dataDir)),
        text(config, "GATEHOUSE_DB_USER").orElse(url.isPresent() ? "" : "gatehouse"),
        text(config, "GATEHOUSE_DB_PASSWORD").orElse(""),
        prefix,
        migrate,
        url.isEmpty(),
        dataDir);
  }

  /** The URL without credentials or options, for log lines. */
  public String describe() {
    int options = url.indexOf(url.startsWith("jdbc:h2:") ? ';' : '?');
    return options < 0 ? url : url.substring(0, options);
  }

  private static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.resolve("gatehouse")
        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
  }

  private static Optional<String> text(Config config, String name) {
    return config.getOptionalValue(name, String.class).map(String::trim).filter(s -> !s.isEmpty());
  }

  @Override
  public String toString() {
    return "DatabaseSettings[" + describe() + ", prefix=" + tablePrefix + "]";
  }
}
