package dev.gatehouse.web.rest;

import dev.gatehouse.application.registration.DynamicRegistrationSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * While dynamic client registration is off (the default), {@code /oauth2/register} and everything below it answers
 * exactly as a path that does not exist: 404, whatever the method, media type or credentials. It runs before resource
 * matching, because matching alone would answer a wrong method with 405 and a wrong media type with 415, and so tell
 * that the endpoint is there.
 */
@Provider
@PreMatching
public class RegistrationSwitch implements ContainerRequestFilter {

  @Inject DynamicRegistrationSettings settings;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if ((path.startsWith("register") || path.startsWith("/register")) && !settings.enabled()) {
      throw new NotFoundException();
    }
  }
}
