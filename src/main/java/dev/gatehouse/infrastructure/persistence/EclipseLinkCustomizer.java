package dev.gatehouse.infrastructure.persistence;

import javax.sql.DataSource;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * The one class that uses EclipseLink's own API (persistence.xml names it as {@code eclipselink.session.customizer};
 * EclipseLink runs it on every server before the persistence unit logs in). Everything else is standard JPA. It does
 * two things that JPA has no standard way to decide at start-up rather than at build time:
 *
 * <ul>
 *   <li>The table prefix ({@code GATEHOUSE_TABLE_PREFIX}, default {@code gatehouse_}, empty for none) in front of
 *       every entity's table, so several Gatehouse tenants can share one schema (the seed's multi-tenancy by prefix).
 *       Entities name their tables without it; the Flyway migrations use the same prefix through {@code ${prefix}}.
 *   <li>The datasource. persistence.xml names the built-in pool, {@value DatabaseSettings#BUILT_IN_POOL}, since a
 *       persistence unit's datasource is a constant of the archive; with {@code GATEHOUSE_DATASOURCE} set, the unit's
 *       connections come from that datasource of the server instead (a WildFly datasource, a Payara JDBC resource),
 *       looked up here. The container still enlists them in its JTA transactions: a server's datasource is a JTA
 *       datasource, and EclipseLink keeps the server platform the container configured.
 * </ul>
 *
 * <p>It implements {@code org.eclipse.persistence.sessions.SessionCustomizer}, present in EclipseLink 2.7 to 5: the
 * older {@code org.eclipse.persistence.config.SessionCustomizer} is gone from EclipseLink 5 (Payara 7), where the WAR
 * did not deploy with it ({@code NoClassDefFoundError}).
 */
public class EclipseLinkCustomizer implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    DatabaseSettings settings = DatabaseSettings.load();
    String prefix = settings.tablePrefix();
    for (ClassDescriptor descriptor : session.getDescriptors().values()) {
      if (!descriptor.isAggregateDescriptor() && descriptor.getTableName() != null) {
        descriptor.setTableName(prefix + descriptor.getTableName());
      }
    }
    if (settings.dataSource().isPresent()) {
      useDataSource(session, DataSources.lookup(settings));
    }
  }

  /** The server's datasource for the unit's transactional connections and for its reads outside a transaction. */
  private static void useDataSource(Session session, DataSource dataSource) {
    DatasourceLogin login = (DatasourceLogin) session.getDatasourceLogin();
    login.setConnector(new JNDIConnector(dataSource));
    if (session instanceof ServerSession server && server.getReadConnectionPool().getLogin() != login
        && server.getReadConnectionPool().getLogin() instanceof DatasourceLogin read) {
      read.setConnector(new JNDIConnector(dataSource));
    }
  }
}
