package dev.gatehouse.web.rest;

import dev.gatehouse.application.oauth.IntrospectionService;
import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.store.AccessToken;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one bearer-token check (RFC 6750) of Gatehouse's own protected endpoints: the access token comes in the
 * {@code Authorization: Bearer} header (§2.1; the form and query methods of §2.2 and §2.3 are not offered, as RFC 9700
 * §4.3.2 and OAuth 2.1 advise). No token: 401 with a bare {@code WWW-Authenticate: Bearer} challenge (§3.1: "the
 * resource server SHOULD NOT include an error code"); a malformed header: 400 {@code invalid_request}; an unknown,
 * expired or revoked token: 401 {@code error="invalid_token"}. The active token is left in the request property
 * {@link #ACCESS_TOKEN} for the resource, which reads it with {@link #accessToken(HttpServletRequest)}.
 */
@Provider
@BearerToken
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

  /** The request property holding the verified {@link AccessToken}. */
  public static final String ACCESS_TOKEN = "gatehouse.accessToken";

  private static final SafeLog LOG = SafeLog.of(BearerTokenFilter.class);
  /** RFC 6750 §2.1: {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
  static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
  static final String REALM = "Bearer realm=\"gatehouse\"";

  @Inject IntrospectionService introspection;

  /** Why a request's bearer token was refused: the status, the challenge, and the RFC 6750 error code if any. */
  public record Refusal(int status, String challenge, String error) {}

  /** The request's active access token, or why there is none: exactly one of the two is present. */
  public record Outcome(Optional<AccessToken> token, Optional<Refusal> refusal) {}

  /**
   * The token this filter verified, for a resource method. Resources take {@code @Context HttpServletRequest}, never
   * {@code @Context ContainerRequestContext}: Jersey injects the latter into resource methods, RESTEasy refuses it
   * (RESTEASY003880). Both keep a request's JAX-RS properties as its servlet attributes, as the JAX-RS specification
   * requires of a servlet container ({@code ContainerRequestContext#getProperty}).
   */
  public static AccessToken accessToken(HttpServletRequest request) {
    return (AccessToken) request.getAttribute(ACCESS_TOKEN);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Outcome outcome = check(request, introspection);
    outcome.token().ifPresent(token -> request.setProperty(ACCESS_TOKEN, token));
    outcome.refusal().ifPresent(refusal -> request.abortWith(challenge(refusal)));
  }

  /**
   * The one bearer-token check, for this filter and for others that answer a refusal in another form (the admin
   * API writes RFC 9457 problems).
   */
  public static Outcome check(ContainerRequestContext request, IntrospectionService introspection) {
    List<String> headers = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (headers == null || headers.isEmpty()) {
      return refused(401, REALM, null);
    }
    String header = headers.get(0);
    if (headers.size() > 1 || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)
        || !B64TOKEN.matcher(header.substring(7).trim()).matches()) {
      return refused(400, REALM + ", error=\"invalid_request\"", "invalid_request");
    }
    Optional<AccessToken> token = introspection.activeAccessToken(header.substring(7).trim());
    if (token.isEmpty()) {
      LOG.info("{} -> invalid_token", request.getUriInfo().getPath());
      return refused(401, REALM + ", error=\"invalid_token\", error_description=\""
          + "The access token is not active\"", "invalid_token");
    }
    return new Outcome(token, Optional.empty());
  }

  private static Outcome refused(int status, String challenge, String error) {
    return new Outcome(Optional.empty(), Optional.of(new Refusal(status, challenge, error)));
  }

  static Response challenge(Refusal refusal) {
    Response.ResponseBuilder response = Response.status(refusal.status())
        .header(HttpHeaders.WWW_AUTHENTICATE, refusal.challenge());
    if (refusal.error() != null) {
      response.type(MediaType.APPLICATION_JSON_TYPE)
          .entity(JsonOut.JSON.createObjectBuilder().add("error", refusal.error()).build().toString());
    }
    return response.build();
  }
}
