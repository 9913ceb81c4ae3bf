package dev.gatehouse.web.rest.admin;

import dev.gatehouse.application.admin.AdminAuthorization;
import dev.gatehouse.application.oauth.IntrospectionService;
import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.admin.AdminAccess;
import dev.gatehouse.protocol.admin.AdminActor;
import dev.gatehouse.web.rest.BearerTokenFilter;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets only an administrator through ({@link AdminAccess}): a bearer access token (RFC 6750 §2.1, checked by {@link
 * BearerTokenFilter#check}) with the {@code gatehouse:admin} scope, whose user, if it has one, holds the
 * {@code gatehouse-admin} role and is not disabled. No token, or one that is not active: 401 with a {@code
 * WWW-Authenticate: Bearer} challenge. An active token that does not qualify: 403, with {@code insufficient_scope}
 * in the challenge when the scope is what is missing (RFC 6750 §3.1). The {@link AdminActor} is left in the request
 * property {@link #ACTOR} for the resource.
 */
@Provider
@Administrator
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthorizationFilter implements ContainerRequestFilter {

  /** The request property holding the {@link AdminActor}. */
  static final String ACTOR = "gatehouse.adminActor";

  private static final SafeLog LOG = SafeLog.of(AdminAuthorizationFilter.class);
  private static final String REALM = "Bearer realm=\"gatehouse\"";

  @Inject IntrospectionService introspection;
  @Inject AdminAuthorization authorization;

  @Override
  public void filter(ContainerRequestContext request) {
    BearerTokenFilter.Outcome outcome = BearerTokenFilter.check(request, introspection);
    if (outcome.token().isEmpty()) {
      // A malformed Authorization header is no token either: the admin API answers 401 for every missing one.
      BearerTokenFilter.Refusal refusal = outcome.refusal().orElseThrow();
      String challenge = refusal.status() == 401 ? refusal.challenge() : REALM;
      request.abortWith(Problems.of(401, "A valid bearer access token with the gatehouse:admin scope is required")
          .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build());
      return;
    }
    AdminAccess.Decision decision = authorization.decide(outcome.token().get());
    if (!decision.allowed()) {
      LOG.info("/{} -> 403: {}", request.getUriInfo().getPath(), decision.refusal());
      String challenge = decision.scopeMissing()
          ? REALM + ", error=\"insufficient_scope\", scope=\"" + AdminAccess.ADMIN_SCOPE + "\"" : REALM;
      request.abortWith(Problems.of(403, "Only an administrator may call the admin API")
          .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build());
      return;
    }
    request.setProperty(ACTOR, decision.actor().get());
  }

  /**
   * The administrator of a request that passed this filter, read from the servlet request that holds the JAX-RS
   * properties (see {@link dev.gatehouse.web.rest.BearerTokenFilter#accessToken}).
   */
  static AdminActor actor(HttpServletRequest request) {
    return (AdminActor) request.getAttribute(ACTOR);
  }
}
