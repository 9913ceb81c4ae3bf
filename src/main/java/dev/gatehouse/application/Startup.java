package dev.gatehouse.application;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.persistence.ClusterInvalidation;
import dev.gatehouse.persistence.DatabaseSettings;
import dev.gatehouse.persistence.SchemaMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * Start-up, in order: schema migrations (Flyway manages its own transactions, hence bean-managed here), the bootstrap
 * file, the demo on the embedded default, then one banner with the URLs. Any failure stops the deployment with a
 * message that says what to fix.
 *
 * <p>The demo credentials are printed once, at the start that creates them; later starts say where they are kept,
 * so that the password does not reach every log that is shipped or kept.
 */
@Singleton
@jakarta.ejb.Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Startup {

  private static final SafeLog LOG = SafeLog.of(Startup.class);

  @Resource(lookup = "java:app/jdbc/gatehouse")
  DataSource dataSource;

  @Inject GatehouseConfig config;
  @Inject BootstrapService bootstrap;
  @Inject DemoSetup demo;
  @Inject ClusterInvalidation cluster;

  @PostConstruct
  void start() {
    DatabaseSettings db = DatabaseSettings.load();
    String issuer = config.issuer();
    config.throttleSettings(); // fails the start on GATEHOUSE_LOGIN_* settings that cannot work, not the first sign-in
    SchemaMigrator.migrate(dataSource, db);
    config.bootstrapFile().map(Path::of).ifPresent(file -> bootstrap.apply(BootstrapFile.read(file), file.toString()));
    LOG.info("\n\n  Gatehouse is starting at {}\n"
            + "  Metadata:      {}/.well-known/oauth-authorization-server\n"
            + "  Authorization: {}/oauth2/authorize\n"
            + "  Token:         {}/oauth2/token\n"
            + "  JWKS:          {}/oauth2/jwks\n"
            + "  Database:      {} (table prefix '{}')\n"
            + "  Cluster peers: {}\n",
        issuer, issuer, issuer, issuer, issuer, db.describe(), db.tablePrefix(), cluster.describe());
    if (config.demoEnabled(db.embedded())) {
      logDemo(issuer, demo.setUp(db.dataDir()));
    }
  }

  /** The demo lines of the banner: the credentials at the start that created them, where they are kept at later ones. */
  static void logDemo(String issuer, DemoSetup.Outcome demo) {
    DemoSetup.DemoCredentials c = demo.credentials();
    if (demo.created()) {
      LOG.info("\n  Demo (embedded default only): open {}/ and follow the link.\n"
              + "    sign in as      {} / {}\n"
              + "    demo client     {} / {}\n"
              + "    admin console   {}/admin/ (the demo user is an administrator)\n"
              + "    These credentials are printed at this first start only; they are kept in {}\n",
          issuer, c.username(), c.password(), c.clientId(), c.clientSecret(), issuer, demo.file());
    } else {
      LOG.info("\n  Demo (embedded default only): open {}/ and follow the link.\n"
              + "    sign in as      {} (password in {})\n"
              + "    demo client     {} (secret in the same file)\n"
              + "    admin console   {}/admin/ (the demo user is an administrator)\n",
          issuer, c.username(), demo.file(), c.clientId(), issuer);
    }
  }
}
