package dev.gatehouse.web.rest.admin;

import dev.gatehouse.application.admin.AccessAdministration;
import dev.gatehouse.application.admin.AccessAdministration.Owner;
import dev.gatehouse.application.admin.AdminUser;
import dev.gatehouse.application.admin.AdministrationException;
import dev.gatehouse.application.admin.Paging;
import dev.gatehouse.application.admin.UserAdministration;
import dev.gatehouse.infrastructure.json.UserJson;
import dev.gatehouse.protocol.error.FieldProblem;
import dev.gatehouse.protocol.error.InvalidFieldsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /admin/api/users}: every user; users of the built-in store created, changed and given a password; any user,
 * a directory's too, disabled and enabled; and what each user holds (sessions, consents, grants). Users are named by
 * their subject identifier ({@code sub}), which never changes.
 */
@ApplicationScoped
@Path("users")
@Administrator
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

  @Inject UserAdministration users;
  @Inject AccessAdministration access;

  @GET
  public String list(@QueryParam("q") String query, @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return AdminJson.page(users.list(query, Paging.parse(offset, limit)), AdminJson::user);
  }

  @POST
  public Response create(@Context HttpServletRequest request, @Context UriInfo uri,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
    UserJson.Read read = UserJson.read(JsonBody.read(type, body));
    if (!read.typeProblems().isEmpty()) {
      throw new InvalidFieldsException(read.problems());
    }
    AdminUser user = users.create(AdminAuthorizationFilter.actor(request), read.spec());
    return Response.created(uri.getAbsolutePathBuilder().path(user.subject()).build())
        .entity(AdminJson.user(user).toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  @Path("{sub}")
  public String get(@PathParam("sub") String subject) {
    return AdminJson.user(existing(subject)).toString();
  }

  /** Replaces the profile claims, and the roles when {@code roles} is given; username and password are not here. */
  @PUT
  @Path("{sub}")
  public String update(@Context HttpServletRequest request, @PathParam("sub") String subject,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
    JsonObject json = JsonBody.read(type, body);
    UserJson.Read read = UserJson.read(json);
    List<FieldProblem> problems = new ArrayList<>(read.profileProblems());
    for (String fixed : List.of("username", "password")) {
      if (json.containsKey(fixed)) {
        problems.add(new FieldProblem(fixed, "cannot be changed here"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(problems);
    }
    return AdminJson.user(users.update(AdminAuthorizationFilter.actor(request), subject, read.spec().profile(),
        read.spec().roles())).toString();
  }

  @POST
  @Path("{sub}/disable")
  public String disable(@Context HttpServletRequest request, @PathParam("sub") String subject) {
    return AdminJson.user(users.disable(AdminAuthorizationFilter.actor(request), subject)).toString();
  }

  @POST
  @Path("{sub}/enable")
  public String enable(@Context HttpServletRequest request, @PathParam("sub") String subject) {
    return AdminJson.user(users.enable(AdminAuthorizationFilter.actor(request), subject)).toString();
  }

  /** Sets the password: {@code {"password": "…"}}; answered with 204, the password never echoed. */
  @PUT
  @Path("{sub}/password")
  public Response setPassword(@Context HttpServletRequest request, @PathParam("sub") String subject,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
    UserJson.Read read = UserJson.read(JsonBody.read(type, body));
    read.typeProblems().stream().filter(p -> p.field().equals("password")).findFirst().ifPresent(p -> {
      throw new InvalidFieldsException(List.of(p));
    });
    users.setPassword(AdminAuthorizationFilter.actor(request), subject, read.spec().password());
    return Response.noContent().build();
  }

  @GET
  @Path("{sub}/sessions")
  public String sessions(@PathParam("sub") String subject, @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    existing(subject);
    return AdminJson.page(access.sessions(Owner.USER, subject, Paging.parse(offset, limit)), AdminJson::session);
  }

  /** Ends every session of the user. */
  @DELETE
  @Path("{sub}/sessions")
  public String endSessions(@Context HttpServletRequest request, @PathParam("sub") String subject) {
    existing(subject);
    int ended = access.endSessionsOf(AdminAuthorizationFilter.actor(request), subject);
    return Problems.JSON.createObjectBuilder().add("sessions_ended", ended).build().toString();
  }

  @GET
  @Path("{sub}/consents")
  public String consents(@PathParam("sub") String subject, @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    existing(subject);
    return AdminJson.page(access.consents(Owner.USER, subject, Paging.parse(offset, limit)), AdminJson::consent);
  }

  /** Withdraws the user's consent to one client, and revokes the grants the user made for it. */
  @DELETE
  @Path("{sub}/consents/{clientId}")
  public Response revokeConsent(@Context HttpServletRequest request, @PathParam("sub") String subject,
      @PathParam("clientId") String clientId) {
    access.revokeConsent(AdminAuthorizationFilter.actor(request), subject, clientId);
    return Response.noContent().build();
  }

  @GET
  @Path("{sub}/grants")
  public String grants(@PathParam("sub") String subject, @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    existing(subject);
    return AdminJson.page(access.grants(Owner.USER, subject, Paging.parse(offset, limit)), AdminJson::grant);
  }

  /** Revokes every token of the user. */
  @DELETE
  @Path("{sub}/grants")
  public String revokeGrants(@Context HttpServletRequest request, @PathParam("sub") String subject) {
    existing(subject);
    int revoked = access.revokeAll(AdminAuthorizationFilter.actor(request), Owner.USER, subject);
    return Problems.JSON.createObjectBuilder().add("tokens_revoked", revoked).build().toString();
  }

  private AdminUser existing(String subject) {
    return users.get(subject).orElseThrow(() -> AdministrationException.notFound("user '" + subject + "'"));
  }
}
