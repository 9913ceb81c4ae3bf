package dev.gatehouse.web.rest.admin;

import dev.gatehouse.application.admin.AccessAdministration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code DELETE /admin/api/sessions/{sid}}: ends one session, as a logout would (its non-offline grants revoked, its
 * clients told by back-channel logout), by the {@code sid} the session lists under a user or a client show.
 */
@ApplicationScoped
@Path("sessions")
@Administrator
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

  @Inject AccessAdministration access;

  @DELETE
  @Path("{sid}")
  public Response endSession(@Context HttpServletRequest request, @PathParam("sid") String sid) {
    access.endSession(AdminAuthorizationFilter.actor(request), sid);
    return Response.noContent().build();
  }
}
