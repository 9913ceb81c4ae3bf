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
 * {@code DELETE /admin/api/grants/{grant_id}}: revokes one grant with every token of it (or one client-credentials
 * token), by the {@code grant_id} the grant lists under a user or a client show.
 */
@ApplicationScoped
@Path("grants")
@Administrator
@Produces(MediaType.APPLICATION_JSON)
public class GrantsResource {

  @Inject AccessAdministration access;

  @DELETE
  @Path("{grantId}")
  public Response revokeGrant(@Context HttpServletRequest request, @PathParam("grantId") String grantId) {
    access.revokeGrant(AdminAuthorizationFilter.actor(request), grantId);
    return Response.noContent().build();
  }
}
