package dev.gatehouse.infrastructure.persistence;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** The datasource Gatehouse uses, by JNDI name: the server's ({@code GATEHOUSE_DATASOURCE}) or the built-in pool. */
public final class DataSources {
  private DataSources() {}

  /** Looks the datasource up; a name that is not one stops the start, saying what to do. */
  public static DataSource lookup(DatabaseSettings settings) {
    String name = settings.jndiName();
    try {
      return (DataSource) new InitialContext().lookup(name);
    } catch (NamingException | ClassCastException e) {
      if (settings.dataSource().isEmpty()) {
        throw new IllegalStateException("The built-in pool " + name + " is not bound: " + e, e);
      }
      throw new IllegalStateException(DatabaseSettings.DATASOURCE + " names " + name + ", which is not a datasource"
          + " of this server (" + e + "): define it in the server (see server-config/) or correct the name", e);
    }
  }
}
