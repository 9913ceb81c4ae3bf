package dev.gatehouse.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * {@link SchemaUpgradeContract} on H2, in memory, with the embedded default's connection options (MySQL mode, lower
 * case names).
 */
class SchemaUpgradeTest extends SchemaUpgradeContract {

  private final List<DataSource> created = new ArrayList<>();

  @Override
  DataSource newDatabase(String name) {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    db.setUser("sa");
    created.add(db);
    return db;
  }

  @Override
  DatabaseDialect dialect() {
    return DatabaseDialect.H2;
  }

  @AfterEach
  void dropDatabases() throws SQLException {
    for (DataSource db : created) {
      try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
    }
  }
}
