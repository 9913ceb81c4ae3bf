package dev.gatehouse.application.lifecycle;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.infrastructure.cluster.ClusterInvalidation;
import dev.gatehouse.infrastructure.persistence.DataSources;
import dev.gatehouse.infrastructure.persistence.DatabaseSettings;
import dev.gatehouse.infrastructure.persistence.SchemaMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import dev.gatehouse.infrastructure.files.BootstrapFile;
import dev.gatehouse.infrastructure.cluster.DataGrid;
import dev.gatehouse.infrastructure.config.GatehouseConfig;

/**
 * Start-up, in order: schema migrations (Flyway manages its own transactions, hence bean-managed here), the bootstrap
 * file, the demo on the embedded default, a warning when the server runs a data grid ({@link DataGrid}), then one
 * banner with the URLs. Any failure stops the deployment with a message that says what to fix.
 *
 * <p>The demo credentials are printed once, at the start that creates them; later starts say where they are kept,
 * so that the password does not reach every log that is shipped or kept.
 */
@Singleton
@jakarta.ejb.Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Startup {

  private static final SafeLog LOG = SafeLog.of(Startup.class);

  @Inject GatehouseConfig config;
  @Inject BootstrapService bootstrap;
  @Inject DemoSetup demo;
  @Inject ClusterInvalidation cluster;

  @PostConstruct
  void start() {
    DatabaseSettings db = DatabaseSettings.load();
    String issuer = config.issuer();
    config.throttleSettings(); // fails the start on GATEHOUSE_LOGIN_* settings that cannot work, not the first sign-in
    SchemaMigrator.migrate(DataSources.lookup(db), db);
    config.bootstrapFile().map(Path::of).ifPresent(file -> bootstrap.apply(BootstrapFile.read(file), file.toString()));
    Optional<DataGrid.Description> grid = DataGrid.active();
    grid.ifPresent(Startup::warnDataGrid);
    LOG.info("\n\n  Gatehouse is starting at {}\n"
            + "  Metadata:      {}/.well-known/oauth-authorization-server\n"
            + "  Authorization: {}/oauth2/authorize\n"
            + "  Token:         {}/oauth2/token\n"
            + "  JWKS:          {}/oauth2/jwks\n"
            + "  Database:      {} (table prefix '{}')\n"
            + "  Cluster peers: {}\n"
            + "  Data grid:     {}\n",
        issuer, issuer, issuer, issuer, issuer, db.describe(), db.tablePrefix(), cluster.describe(),
        grid.isPresent() ? "RUNNING, see the warning above" : "none");
    if (config.demoEnabled(db.embedded())) {
      logDemo(issuer, demo.setUp(db.dataDir()));
    }
  }

  private static void warnDataGrid(DataGrid.Description grid) {
    LOG.warning("This server runs a data grid (Hazelcast): {}. Gatehouse does not use it. Whoever reaches its port can"
        + " join it, or connect to it as a client, and run administrative commands on this server (undeploy"
        + " Gatehouse, change its settings) unless its members authenticate. Turn it off: start Payara Micro with"
        + " --nohazelcast and without --nocluster (with --nocluster, Payara keeps Hazelcast running and ignores"
        + " --nohazelcast); on Payara Server run 'asadmin set-hazelcast-configuration --enabled=false --dynamic=true'."
        + " See the README, Running on MySQL.", grid);
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
