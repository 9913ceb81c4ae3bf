package dev.gatehouse.infrastructure.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The physical data source behind the container's connection pool {@code java:app/jdbc/gatehouse}.
 *
 * <p>Why a class of our own: the WAR must run unchanged on the embedded H2 default and on MySQL, chosen by
 * {@code GATEHOUSE_DB_URL} at start-up, on any Jakarta EE server. {@code @DataSourceDefinition} attributes are
 * constants, and placeholder syntaxes in them differ per server; this class reads MicroProfile Config instead and
 * delegates to the vendor's own {@code DataSource}. The container still owns pooling and JTA enlistment.
 */
public class GatehouseDataSource implements DataSource {

  private volatile DataSource delegate;
  private PrintWriter logWriter;
  /** Seconds to wait for a new physical connection ({@link #setConnectTimeoutSeconds}, {@link #setLoginTimeout}). */
  private int loginTimeout = 5;

  private DataSource delegate() throws SQLException {
    DataSource ds = delegate;
    if (ds == null) {
      synchronized (this) {
        if (delegate == null) {
          delegate = create(DatabaseSettings.load());
        }
        ds = delegate;
      }
    }
    return ds;
  }

  private DataSource create(DatabaseSettings settings) throws SQLException {
    if (settings.dataSource().isPresent()) {
      // Never connected: the persistence unit and the migrations use the server's datasource (EclipseLinkCustomizer).
      throw new SQLException("The built-in pool is not used: " + DatabaseSettings.DATASOURCE + " names "
          + settings.dataSource().get());
    }
    if (settings.url().startsWith("jdbc:h2:")) {
      org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
      h2.setURL(settings.url());
      h2.setUser(settings.user());
      h2.setPassword(settings.password());
      h2.setLoginTimeout(loginTimeout);
      return h2;
    }
    if (settings.url().startsWith("jdbc:mysql:")) {
      com.mysql.cj.jdbc.MysqlDataSource mysql = new com.mysql.cj.jdbc.MysqlDataSource();
      mysql.setURL(settings.url());
      mysql.setUser(settings.user());
      mysql.setPassword(settings.password());
      mysql.setConnectTimeout(loginTimeout * 1000);
      return mysql;
    }
    throw new IllegalStateException(
        "GATEHOUSE_DB_URL must start with jdbc:mysql: or jdbc:h2:, got " + settings.describe());
  }

  @Override
  public Connection getConnection() throws SQLException {
    return delegate().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    // The pool has no credentials of its own (none are in the WAR): it may call this with empty ones.
    if (username == null || username.isEmpty()) {
      return getConnection();
    }
    return delegate().getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  /**
   * The JavaBean property the {@code @DataSourceDefinition} sets: WildFly's IronJacamar refuses a datasource class
   * configured by no property at all (IJ031103), and does not count {@code loginTimeout}, which it takes as the
   * annotation's own attribute of that name. Text, since IronJacamar looks for a setter taking a String only.
   */
  public void setConnectTimeoutSeconds(String seconds) {
    this.loginTimeout = Integer.parseInt(seconds.strip());
  }

  public String getConnectTimeoutSeconds() {
    return Integer.toString(loginTimeout);
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return delegate().unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate().isWrapperFor(iface);
  }
}
