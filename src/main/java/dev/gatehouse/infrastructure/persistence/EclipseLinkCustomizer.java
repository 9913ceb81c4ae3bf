package dev.gatehouse.infrastructure.persistence;

import javax.sql.DataSource;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * The one class that uses EclipseLink's own API (persistence.xml names it as {@code eclipselink.session-event-listener};
 * EclipseLink calls {@link #preLogin} on every server just before the persistence unit logs in, while the descriptors
 * are not yet initialised). Everything else is standard JPA. It does two things that JPA has no standard way to decide
 * at start-up rather than at build time:
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
 * <p>A session event listener, not a {@code SessionCustomizer}: no one customizer interface is in every EclipseLink a
 * supported server ships. Payara Server 6.2025.9's EclipseLink 4.0.1 has only
 * {@code org.eclipse.persistence.config.SessionCustomizer}, Payara 7's EclipseLink 5 only
 * {@code org.eclipse.persistence.sessions.SessionCustomizer}, and the WAR did not deploy on the other one
 * ({@code NoClassDefFoundError}). {@code SessionEventAdapter} is in all of them.
 */
public class EclipseLinkCustomizer extends SessionEventAdapter {

  private static final String DONE = EclipseLinkCustomizer.class.getName();

  @Override
  public void preLogin(SessionEvent event) {
    Session session = event.getSession();
    if (session.getProperty(DONE) != null) {
      return; // a second login of the same session: it is customised already
    }
    session.setProperty(DONE, Boolean.TRUE);
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
