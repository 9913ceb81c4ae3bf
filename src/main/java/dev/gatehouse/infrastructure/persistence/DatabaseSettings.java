package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.config.Setting;
import dev.gatehouse.infrastructure.config.SettingsReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The database settings, read from MicroProfile Config (so {@code GATEHOUSE_DB_URL} and friends work as environment
 * variables). Plain class, not a CDI bean: the data source and the EclipseLink customizer are created by the container
 * before CDI can inject anything into them.
 *
 * <p>Three ways to a database. {@code GATEHOUSE_DATASOURCE}: a datasource the administrator defined in the server
 * (a WildFly datasource, a Payara JDBC resource), with the server's driver, secret store, pool validation and
 * monitoring; Gatehouse only looks it up. Else {@code GATEHOUSE_DB_URL}: Gatehouse's built-in pool
 * ({@link DataSourceConfiguration}) over that URL. Else an H2 database in a file under {@code GATEHOUSE_DATA_DIR}
 * (default {@code ./gatehouse-data}), which survives restarts: the embedded default.
 */
public record DatabaseSettings(
    String url, String user, String password, String tablePrefix, boolean migrate, boolean embedded,
    Path dataDir, Optional<String> dataSource) {

  /** The JNDI name of the built-in pool ({@link DataSourceConfiguration}); persistence.xml names it. */
  public static final String BUILT_IN_POOL = "java:app/jdbc/gatehouse";

  static final Setting DATASOURCE = Setting.optional("GATEHOUSE_DATASOURCE", "— (the built-in pool)",
      "The JNDI name of a datasource defined in the server, such as `java:jboss/datasources/Gatehouse` (WildFly) or"
          + " `jdbc/gatehouse` (Payara); then the GATEHOUSE_DB_* account settings are not used.");
  static final Setting URL = Setting.optional("GATEHOUSE_DB_URL", "H2 file in the data folder",
      "The JDBC URL of MySQL or MariaDB; unset, the embedded H2 database.");
  static final Setting USER = Setting.optional("GATEHOUSE_DB_USER", "`gatehouse` on the embedded H2, else —",
      "The database account.");
  static final Setting PASSWORD = Setting.optional("GATEHOUSE_DB_PASSWORD", "—", "The database account's password.");
  static final Setting DATA_DIR = Setting.shown("GATEHOUSE_DATA_DIR", "gatehouse-data", "`./gatehouse-data`",
      "Holds the embedded database, the demo credentials and the generated key-encryption key.");
  static final Setting TABLE_PREFIX = Setting.of("GATEHOUSE_TABLE_PREFIX", "gatehouse_",
      "Prefix of every table, so that several tenants can share one schema.");
  static final Setting MIGRATE = Setting.of("GATEHOUSE_DB_MIGRATE", "true",
      "false when a DBA applies schema.sql by hand.");

  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}|");

  /** Reads the settings; an invalid table prefix stops the start-up with a clear message. */
  public static DatabaseSettings load() {
    return load(SettingsReader.microProfileConfig());
  }

  static DatabaseSettings load(SettingsReader settings) {
    Path dataDir = Path.of(settings.text(DATA_DIR).orElseThrow()).toAbsolutePath().normalize();
    Optional<String> url = settings.text(URL);
    Optional<String> dataSource = settings.text(DATASOURCE);
    if (dataSource.isPresent() && (url.isPresent() || settings.text(USER).isPresent()
        || settings.text(PASSWORD).isPresent())) {
      throw SettingsReader.invalid(DATASOURCE, "names a datasource of the server, which has its own URL and account:"
          + " unset GATEHOUSE_DB_URL, GATEHOUSE_DB_USER and GATEHOUSE_DB_PASSWORD, or unset " + DATASOURCE);
    }
    String prefix = settings.textAllowingEmpty(TABLE_PREFIX).orElseThrow();
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalStateException(
          TABLE_PREFIX + " must be empty or match [a-z][a-z0-9_]{0,29}, got '" + prefix + "'");
    }
    boolean migrate = Boolean.parseBoolean(settings.text(MIGRATE).orElseThrow());
    return new DatabaseSettings(
        url.orElse(embeddedUrl(dataDir)),
        settings.text(USER).orElse(url.isPresent() ? "" : "gatehouse"),
        settings.text(PASSWORD).orElse(""),
        prefix,
        migrate,
        url.isEmpty() && dataSource.isEmpty(),
        dataDir,
        dataSource);
  }

  /** The JNDI name of the datasource Gatehouse uses: the server's, or the built-in pool. */
  public String jndiName() {
    return dataSource.orElse(BUILT_IN_POOL);
  }

  /** The URL without credentials or options, or the server's datasource, for log lines. */
  public String describe() {
    if (dataSource.isPresent()) {
      return "the server's datasource " + dataSource.get();
    }
    int options = url.indexOf(url.startsWith("jdbc:h2:") ? ';' : '?');
    return options < 0 ? url : url.substring(0, options);
  }

  private static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.resolve("gatehouse")
        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
  }

  @Override
  public String toString() {
    return "DatabaseSettings[" + describe() + ", prefix=" + tablePrefix + "]";
  }
}
