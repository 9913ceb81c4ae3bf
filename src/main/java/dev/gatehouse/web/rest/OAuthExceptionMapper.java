package dev.gatehouse.web.rest;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Writes an expected OAuth error: the RFC code and fixed description to the client, the private detail to the log as
 * one line without a stack trace.
 */
@Provider
public class OAuthExceptionMapper implements ExceptionMapper<OAuthException> {

  private static final SafeLog LOG = SafeLog.of(OAuthExceptionMapper.class);

  @Context UriInfo uri;

  @Override
  public Response toResponse(OAuthException e) {
    LOG.info("/{} -> {}", uri.getPath(), e.getMessage());
    Response.ResponseBuilder response = ErrorJson.of(e.code(), e.description(), e.code().httpStatus());
    if (e.code() == OAuthErrorCode.INVALID_CLIENT) {
      // RFC 6749 §5.2: 401 with the authentication scheme the token endpoint supports.
      response.header("WWW-Authenticate", "Basic realm=\"gatehouse\", charset=\"UTF-8\"");
    } else if (e.code() == OAuthErrorCode.INVALID_TOKEN) {
      // RFC 6750 §3: a protected resource answers a bad bearer token with the Bearer challenge.
      response.header("WWW-Authenticate", "Bearer realm=\"gatehouse\", error=\"invalid_token\"");
    } else if (e.code() == OAuthErrorCode.INSUFFICIENT_SCOPE) {
      // RFC 6750 §3.1: 403, and the challenge names the error (OpenID Connect Core §5.3.3 for UserInfo).
      response.header("WWW-Authenticate", "Bearer realm=\"gatehouse\", error=\"insufficient_scope\"");
    }
    return response.build();
  }
}
