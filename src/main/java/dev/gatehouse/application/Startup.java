package dev.gatehouse.application;

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
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Start-up, in order: schema migrations (Flyway manages its own transactions, hence bean-managed here), the bootstrap
 * file, the demo on the embedded default, then one banner with the URLs. Any failure stops the deployment with a
 * message that says what to fix.
 */
@Singleton
@jakarta.ejb.Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Startup {

  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

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
    StringBuilder banner = new StringBuilder("\n\n  Gatehouse is starting at ").append(issuer).append('\n')
        .append("  Metadata:      ").append(issuer).append("/.well-known/oauth-authorization-server\n")
        .append("  Authorization: ").append(issuer).append("/oauth2/authorize\n")
        .append("  Token:         ").append(issuer).append("/oauth2/token\n")
        .append("  JWKS:          ").append(issuer).append("/oauth2/jwks\n")
        .append("  Database:      ").append(db.describe()).append(" (table prefix '").append(db.tablePrefix())
        .append("')\n")
        .append("  Cluster peers: ").append(cluster.describe()).append('\n');
    if (config.demoEnabled(db.embedded())) {
      DemoSetup.DemoCredentials c = demo.setUp(db.dataDir());
      banner.append("\n  Demo (embedded default only): open ").append(issuer).append("/ and follow the link.\n")
          .append("    sign in as      ").append(c.username()).append(" / ").append(c.password()).append('\n')
          .append("    demo client     ").append(c.clientId()).append(" / ").append(c.clientSecret()).append('\n')
          .append("    admin console   ").append(issuer).append("/admin/ (the demo user is an administrator)\n")
          .append("    (kept in ").append(db.dataDir().resolve("demo-credentials.properties")).append(")\n");
    }
    LOG.info(banner.toString());
  }
}
