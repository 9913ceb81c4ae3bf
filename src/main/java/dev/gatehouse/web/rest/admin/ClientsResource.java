package dev.gatehouse.web.rest.admin;

import dev.gatehouse.application.admin.AccessAdministration;
import dev.gatehouse.application.admin.AccessAdministration.Owner;
import dev.gatehouse.application.admin.AdministrationException;
import dev.gatehouse.application.admin.ClientAdministration;
import dev.gatehouse.infrastructure.json.ClientMetadataJson;
import dev.gatehouse.application.admin.Paging;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientMetadataRules;
import dev.gatehouse.protocol.error.InvalidFieldsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * {@code /admin/api/clients}: registered clients in RFC 7591 form, and what they hold (sessions, consents, grants).
 * A secret appears in exactly two answers, the creation's and the rotation's (and an update's that made a public
 * client confidential); a GET never shows one.
 */
@ApplicationScoped
@Path("clients")
@Administrator
@Produces(MediaType.APPLICATION_JSON)
public class ClientsResource {

  @Inject ClientAdministration clients;
  @Inject AccessAdministration access;

  @GET
  public String list(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    return AdminJson.page(clients.list(Paging.parse(offset, limit)), AdminJson::client);
  }

  @POST
  public Response create(@Context HttpServletRequest request, @Context UriInfo uri,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
    ClientMetadataJson.Read read = metadata(type, body);
    ClientAdministration.WithSecret created = clients.create(AdminAuthorizationFilter.actor(request),
        read.metadata());
    return Response.created(uri.getAbsolutePathBuilder().path(created.client().clientId()).build())
        .entity(AdminJson.clientWithSecret(created)).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  @Path("{clientId}")
  public String get(@PathParam("clientId") String clientId) {
    return AdminJson.client(existing(clientId)).toString();
  }

  @PUT
  @Path("{clientId}")
  public String update(@Context HttpServletRequest request, @PathParam("clientId") String clientId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
    ClientMetadataJson.Read read = metadata(type, body);
    return AdminJson.clientWithSecret(clients.update(AdminAuthorizationFilter.actor(request), clientId,
        read.metadata()));
  }

  @DELETE
  @Path("{clientId}")
  public Response delete(@Context HttpServletRequest request, @PathParam("clientId") String clientId) {
    clients.delete(AdminAuthorizationFilter.actor(request), clientId);
    return Response.noContent().build();
  }

  /** Rotates the secret: the new one is in this answer only, the old one stops working at once. */
  @POST
  @Path("{clientId}/secret")
  public String rotateSecret(@Context HttpServletRequest request, @PathParam("clientId") String clientId) {
    return AdminJson.clientWithSecret(clients.rotateSecret(AdminAuthorizationFilter.actor(request), clientId));
  }

  @GET
  @Path("{clientId}/sessions")
  public String sessions(@PathParam("clientId") String clientId, @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    existing(clientId);
    return AdminJson.page(access.sessions(Owner.CLIENT, clientId, Paging.parse(offset, limit)), AdminJson::session);
  }

  @GET
  @Path("{clientId}/consents")
  public String consents(@PathParam("clientId") String clientId, @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    existing(clientId);
    return AdminJson.page(access.consents(Owner.CLIENT, clientId, Paging.parse(offset, limit)), AdminJson::consent);
  }

  @GET
  @Path("{clientId}/grants")
  public String grants(@PathParam("clientId") String clientId, @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    existing(clientId);
    return AdminJson.page(access.grants(Owner.CLIENT, clientId, Paging.parse(offset, limit)), AdminJson::grant);
  }

  /** Revokes every token issued to the client. */
  @DELETE
  @Path("{clientId}/grants")
  public String revokeGrants(@Context HttpServletRequest request, @PathParam("clientId") String clientId) {
    int revoked = access.revokeAll(AdminAuthorizationFilter.actor(request), Owner.CLIENT, clientId);
    return Problems.JSON.createObjectBuilder().add("tokens_revoked", revoked).build().toString();
  }

  private Client existing(String clientId) {
    return clients.get(clientId).orElseThrow(() -> AdministrationException.notFound("client '" + clientId + "'"));
  }

  /** The body as client metadata; badly typed fields are refused with every rule problem at once. */
  private static ClientMetadataJson.Read metadata(String type, InputStream body) {
    ClientMetadataJson.Read read = ClientMetadataJson.read(JsonBody.read(type, body));
    if (!read.problems().isEmpty()) {
      throw new InvalidFieldsException(read.check(ClientMetadataRules.Origin.ADMINISTRATION).problems());
    }
    return read;
  }
}
