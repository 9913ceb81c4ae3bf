package dev.gatehouse.web.rest;

import dev.gatehouse.application.oauth.UserInfoService;
import dev.gatehouse.protocol.store.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * The OpenID Connect UserInfo endpoint (Core §5.3), GET and POST, behind the bearer-token check (RFC 6750): the
 * claims the access token's scopes release about its user.
 */
@ApplicationScoped
@Path("userinfo")
@BearerToken
public class UserInfoResource {

  @Inject UserInfoService users;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String get(@Context HttpServletRequest request) {
    AccessToken token = BearerTokenFilter.accessToken(request);
    return JsonOut.JSON.createObjectBuilder(users.claims(token)).build().toString();
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public String post(@Context HttpServletRequest request) {
    return get(request);
  }
}
