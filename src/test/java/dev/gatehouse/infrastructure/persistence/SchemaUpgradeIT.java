package dev.gatehouse.infrastructure.persistence;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * {@link SchemaUpgradeContract} on the real MariaDB of the integration tests (127.0.0.1:3306, which
 * test-services.sh starts), in databases of its own named {@code gatehouse_migr_test_*}, created and dropped here
 * as root (empty password, as test-services.sh uses it). No server starts: it runs in a few seconds, but like every
 * integration test it shares the MariaDB, so run it under the shared lock.
 */
class SchemaUpgradeIT extends SchemaUpgradeContract {

  private static final String SERVER = System.getProperty(
      "gatehouse.it.rootUrl", "jdbc:mysql://127.0.0.1:3306/?useSSL=false&allowPublicKeyRetrieval=true");
  private static final String USER = System.getProperty("gatehouse.it.rootUser", "root");
  private static final String PASSWORD = System.getProperty("gatehouse.it.rootPassword", "");

  private final List<String> created = new ArrayList<>();

  @Override
  DataSource newDatabase(String name) {
    String database = "gatehouse_migr_test_" + name;
    // The character set test-services.sh gives the integration tests' database, as a DBA would be told to.
    admin("DROP DATABASE IF EXISTS " + database,
        "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    created.add(database);
    MysqlDataSource db = new MysqlDataSource();
    db.setURL(SERVER.replace("3306/", "3306/" + database));
    db.setUser(USER);
    db.setPassword(PASSWORD);
    return db;
  }

  @Override
  DatabaseDialect dialect() {
    return DatabaseDialect.MYSQL;
  }

  @AfterEach
  void dropDatabases() {
    for (String database : created) {
      admin("DROP DATABASE IF EXISTS " + database);
    }
  }

  private static void admin(String... statements) {
    try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("MariaDB on 127.0.0.1:3306 as root: " + e.getMessage(), e);
    }
  }
}
