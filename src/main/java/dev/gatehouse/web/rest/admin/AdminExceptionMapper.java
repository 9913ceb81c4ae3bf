package dev.gatehouse.web.rest.admin;

import dev.gatehouse.application.admin.AdministrationException;
import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.error.FieldProblem;
import dev.gatehouse.protocol.error.InvalidFieldsException;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.web.rest.Unavailable;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.UUID;

/**
 * Every failure of the admin API as an RFC 9457 problem ({@link Problems}): bad fields 400 with each named, what does
 * not exist 404, what already exists or is managed elsewhere 409, a refused body 400/413/415, JAX-RS's own refusals
 * (unknown path 404, method 405, media type 406/415) with their status. Only the unexpected is a 500, with an
 * incident id, and its stack trace goes to the log; a database that cannot be reached is a 503, and a unique key
 * that a concurrent request took first a 409. An {@link EJBException} is unwrapped to its cause first.
 */
@Provider
public class AdminExceptionMapper implements ExceptionMapper<Throwable> {

  private static final SafeLog LOG = SafeLog.of(AdminExceptionMapper.class);

  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable thrown) {
    Throwable e = thrown;
    while (e instanceof EJBException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof InvalidFieldsException invalid) {
      log(400, invalid.getMessage());
      return Problems.of(400, "The request has invalid fields", invalid.problems()).build();
    }
    if (e instanceof AdministrationException refused) {
      int status = refused.kind() == AdministrationException.Kind.NOT_FOUND ? 404 : 409;
      log(status, refused.getMessage());
      List<FieldProblem> field = refused.field() == null ? List.of()
          : List.of(new FieldProblem(refused.field(), refused.getMessage()));
      return Problems.of(status, refused.getMessage(), field).build();
    }
    if (e instanceof ProblemException problem) {
      log(problem.status(), problem.getMessage());
      return Problems.of(problem.status(), problem.getMessage()).build();
    }
    if (e instanceof OAuthException oauth) {
      log(400, oauth.getMessage());
      return Problems.of(400, oauth.description()).build();
    }
    if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      return framework(web);
    }
    if (Unavailable.isDatabaseUnavailable(e)) {
      LOG.warning("Database unavailable: {}", thrown);
      return Problems.of(503, "The server is temporarily unavailable").header("Retry-After", "1").build();
    }
    if (violatesUniqueness(e)) {
      // Two administrators creating the same client_id or username at once: the loser's commit hits the key.
      log(409, "unique key violated at commit: " + e);
      return Problems.of(409, "The client or user exists already").build();
    }
    String incident = UUID.randomUUID().toString();
    LOG.severe(e, "Unexpected error in the admin API, incident {}", incident);
    return Problems.of(500, "The server encountered an unexpected condition (incident " + incident + ")").build();
  }

  private static boolean violatesUniqueness(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLIntegrityConstraintViolationException) {
        return true;
      }
    }
    return false;
  }

  private static Response framework(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String detail = switch (status) {
      case 404 -> "No such resource";
      case 405 -> "The method is not allowed on this resource";
      case 406 -> "The resource answers application/json only";
      case 415 -> "The body must be application/json";
      default -> "The request is not supported by this resource";
    };
    Response.ResponseBuilder response = Problems.of(status, detail);
    Object allow = e.getResponse().getHeaders().getFirst("Allow");
    if (allow != null) {
      response.header("Allow", allow);
    }
    return response.build();
  }

  private void log(int status, String detail) {
    LOG.info("/{} -> {}: {}", uri.getPath(), status, detail);
  }
}
