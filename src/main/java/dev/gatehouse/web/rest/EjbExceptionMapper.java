package dev.gatehouse.web.rest;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * An {@link EJBException} is only the container's wrapping of what went wrong (nested once per EJB call): unwrap it
 * to the first real cause and hand that to its own mapper, exactly once. Without this mapper the server's EJB
 * integration re-mapped each level, and one failure was logged twice under two incident ids.
 */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {

  @Context Providers providers;

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Response toResponse(EJBException e) {
    Throwable cause = e;
    while (cause instanceof EJBException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    ExceptionMapper mapper = cause instanceof EJBException ? null : providers.getExceptionMapper(cause.getClass());
    return mapper != null ? mapper.toResponse(cause) : new UnexpectedExceptionMapper().toResponse(cause);
  }
}
