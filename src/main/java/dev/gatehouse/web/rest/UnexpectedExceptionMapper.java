package dev.gatehouse.web.rest;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;

/**
 * A database that cannot be reached, or a pool with no free connection within its wait time: 503
 * {@code temporarily_unavailable} with {@code Retry-After}. Anything else unexpected: a 500 {@code server_error} with no internals; the log gets the stack trace under an incident
 * id that the response does not reveal beyond the id itself.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final SafeLog LOG = SafeLog.of(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    if (Unavailable.isDatabaseUnavailable(e)) {
      LOG.warning("Database unavailable: {}", e);
      return ErrorJson.of(OAuthErrorCode.TEMPORARILY_UNAVAILABLE,
              OAuthErrorCode.TEMPORARILY_UNAVAILABLE.defaultDescription(), 503)
          .header("Retry-After", "1")
          .build();
    }
    String incident = UUID.randomUUID().toString();
    LOG.severe(e, "Unexpected error, incident {}", incident);
    return ErrorJson.of(OAuthErrorCode.SERVER_ERROR,
            OAuthErrorCode.SERVER_ERROR.defaultDescription() + " (incident " + incident + ")", 500)
        .build();
  }
}
