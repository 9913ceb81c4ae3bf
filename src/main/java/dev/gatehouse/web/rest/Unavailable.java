package dev.gatehouse.web.rest;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure to reach the database (down, or no pooled connection within the pool's wait time) from a bug: the
 * first is a 503 {@code temporarily_unavailable} that a client may retry, the second a 500.
 */
public final class Unavailable {
  private Unavailable() {}

  public static boolean isDatabaseUnavailable(Throwable error) {
    int depth = 0;
    for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException || t instanceof jakarta.resource.ResourceException) {
        return true;
      }
      String message = t.getMessage();
      if (message != null && message.contains("Error in allocating a connection")) {
        return true; // Payara's pool: "In-use connections equal max-pool-size and expired max-wait-time"
      }
    }
    return false;
  }
}
