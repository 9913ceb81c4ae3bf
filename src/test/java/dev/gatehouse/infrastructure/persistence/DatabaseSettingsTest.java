package dev.gatehouse.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.infrastructure.config.SettingsReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The GATEHOUSE_DB_* settings: the embedded default without a URL, the account, the prefix, the migrations. */
class DatabaseSettingsTest {

  @Test
  void whenNoUrl_thenTheEmbeddedH2UnderTheDataFolderWithItsOwnAccount() {
    DatabaseSettings db = DatabaseSettings.load(SettingsReader.of(Map.of("GATEHOUSE_DATA_DIR", " /tmp/gh-data ")));
    assertTrue(db.embedded());
    assertEquals(Path.of("/tmp/gh-data"), db.dataDir());
    assertTrue(db.url().startsWith("jdbc:h2:file:/tmp/gh-data/gatehouse;MODE=MySQL"), db.url());
    assertEquals("gatehouse", db.user());
    assertEquals("gatehouse_", db.tablePrefix());
    assertTrue(db.migrate());
  }

  @Test
  void whenAUrl_thenThatDatabaseWithTheConfiguredAccount_andMigrateOffOnlyWhenSaid() {
    DatabaseSettings db = DatabaseSettings.load(SettingsReader.of(Map.of(
        "GATEHOUSE_DB_URL", "jdbc:mysql://127.0.0.1:3306/gatehouse?sslMode=REQUIRED",
        "GATEHOUSE_DB_MIGRATE", "false", "GATEHOUSE_TABLE_PREFIX", "tenant_a_")));
    assertFalse(db.embedded());
    assertEquals("", db.user());
    assertEquals("jdbc:mysql://127.0.0.1:3306/gatehouse", db.describe());
    assertFalse(db.migrate());
    assertEquals("tenant_a_", db.tablePrefix());
  }

  @Test
  void whenThePrefixIsNotATableNamePrefix_thenTheStartStopsNamingTheSetting() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DatabaseSettings.load(SettingsReader.of(Map.of("GATEHOUSE_TABLE_PREFIX", "Tenant-A"))));
    assertTrue(e.getMessage().startsWith("GATEHOUSE_TABLE_PREFIX must be empty or match"), e.getMessage());
  }

  @Test
  void whenTheServersDatasourceIsNamed_thenItIsUsedAndNeitherTheEmbeddedDatabaseNorTheBuiltInPool() {
    DatabaseSettings db = DatabaseSettings.load(SettingsReader.of(Map.of(
        "GATEHOUSE_DATASOURCE", " java:jboss/datasources/Gatehouse ")));
    assertFalse(db.embedded(), "no demo, no generated key-encryption key");
    assertEquals("java:jboss/datasources/Gatehouse", db.jndiName());
    assertEquals("the server's datasource java:jboss/datasources/Gatehouse", db.describe());
  }

  @Test
  void whenNoDatasourceIsNamed_thenTheBuiltInPool() {
    assertEquals(DatabaseSettings.BUILT_IN_POOL, DatabaseSettings.load(SettingsReader.of(Map.of(
        "GATEHOUSE_DB_URL", "jdbc:mysql://127.0.0.1:3306/gatehouse"))).jndiName());
    assertEquals("java:app/jdbc/gatehouse", DatabaseSettings.BUILT_IN_POOL);
  }

  @Test
  void whenADatasourceAndAnAccountAreBothGiven_thenTheStartStopsSayingWhichToUnset() {
    for (String account : new String[] {"GATEHOUSE_DB_URL", "GATEHOUSE_DB_USER", "GATEHOUSE_DB_PASSWORD"}) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> DatabaseSettings.load(
          SettingsReader.of(Map.of("GATEHOUSE_DATASOURCE", "jdbc/gatehouse", account, "x"))));
      assertTrue(e.getMessage().startsWith("GATEHOUSE_DATASOURCE names a datasource of the server"), e.getMessage());
    }
  }

  @Test
  void whenThePrefixIsSetToNothing_thenNoPrefix_notTheDefault() {
    assertEquals("", DatabaseSettings.load(SettingsReader.of(Map.of("GATEHOUSE_TABLE_PREFIX", ""))).tablePrefix());
    assertEquals("", DatabaseSettings.load(SettingsReader.of(Map.of("GATEHOUSE_TABLE_PREFIX", "  "))).tablePrefix());
    assertEquals("gatehouse_", DatabaseSettings.load(SettingsReader.defaults()).tablePrefix());
  }
}
