package dev.gatehouse.it;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For IT classes that read the database directly ({@link Database}): they belong to the it-mariadb execution. The pom
 * never includes them in it-h2, but {@code -Dit.test=SomeIT} overrides both executions' includes; in the H2 execution
 * (where the database is a file locked inside the server) such a class is then reported as skipped instead of booting
 * a server for nothing. Register it BEFORE {@code ArquillianExtension}, so no server starts.
 */
public final class MariaDbOnly implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return "h2".equals(System.getProperty("gatehouse.it.db"))
        ? ConditionEvaluationResult.disabled("reads the database directly: it-mariadb execution only")
        : ConditionEvaluationResult.enabled("a JDBC URL is configured: " + !System.getProperty(
            "gatehouse.it.dbUrl", "").isBlank());
  }
}
