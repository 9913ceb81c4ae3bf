package dev.gatehouse.web.rest;

import dev.gatehouse.application.UserInfoService;
import dev.gatehouse.protocol.store.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * Claims about the user an access token was issued for, GET and POST, behind the bearer-token check: {@code sub},
 * and {@code name}, {@code preferred_username}, {@code email} when the token carries {@code profile} / {@code email}
 * (the OpenID Connect issue completes this endpoint).
 */
@ApplicationScoped
@Path("userinfo")
@BearerToken
public class UserInfoResource {

  @Inject UserInfoService users;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String get(@Context ContainerRequestContext request) {
    return users.claims((AccessToken) request.getProperty(BearerTokenFilter.ACCESS_TOKEN));
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public String post(@Context ContainerRequestContext request) {
    return get(request);
  }
}
