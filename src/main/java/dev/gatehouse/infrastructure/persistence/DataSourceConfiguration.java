package dev.gatehouse.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;

/**
 * Defines the pooled, JTA-enlisted data source {@code java:app/jdbc/gatehouse}. Its physical connections come from
 * {@link GatehouseDataSource}, which reads {@code GATEHOUSE_DB_URL}, {@code GATEHOUSE_DB_USER} and
 * {@code GATEHOUSE_DB_PASSWORD} from MicroProfile Config: no credentials in the WAR.
 *
 * <p>The built-in pool serves the quick start and a plain Payara Micro. In production an administrator may define
 * the datasource in the server instead ({@code GATEHOUSE_DATASOURCE}, see {@link DatabaseSettings}): then this pool
 * is never connected. The {@code fish.payara.*} properties (validation, a 5 s bound on the wait for a connection)
 * are Payara's; other servers ignore them, which is one reason to use the server's own datasource there.
 *
 * <p>READ COMMITTED: InnoDB then takes no gap locks for our conditional updates, and the single-use checks rely only
 * on row locks ({@code UPDATE … WHERE consumed_at IS NULL}).
 *
 * <p>Each connection is checked with JDBC 4's {@code Connection.isValid} (a round trip, on H2 and MySQL alike) before
 * the pool hands it out. The {@code meta-data} check used before never reaches MySQL (Connector/J answers it from
 * memory): after the database had dropped the pool's connections, the next request failed at commit with a 500 instead
 * of taking a fresh connection (seen on Payara Server 6.2025.9). One failed check discards the whole pool, and a
 * request waits at most 5 s for a connection, then gets a 503 {@code temporarily_unavailable}.
 */
@ApplicationScoped
@DataSourceDefinition(
    name = "java:app/jdbc/gatehouse",
    className = "dev.gatehouse.infrastructure.persistence.GatehouseDataSource",
    transactional = true,
    isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
    initialPoolSize = 2,
    minPoolSize = 2,
    maxPoolSize = 40,
    maxIdleTime = 300,
    properties = {
      // A property of GatehouseDataSource itself: WildFly (IronJacamar) needs one, and drops the fish.payara ones.
      "connectTimeoutSeconds=5",
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      "fish.payara.max-wait-time-in-millis=5000"
    })
public class DataSourceConfiguration {}
