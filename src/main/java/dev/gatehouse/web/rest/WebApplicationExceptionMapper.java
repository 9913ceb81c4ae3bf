package dev.gatehouse.web.rest;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own rejections (unknown path, method, media type) as JSON errors instead of HTML pages. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return ErrorJson.of(OAuthErrorCode.SERVER_ERROR, OAuthErrorCode.SERVER_ERROR.defaultDescription(), 500).build();
    }
    String description = status == 404 ? "No such endpoint" : "The request is not supported by this endpoint";
    Response.ResponseBuilder response = ErrorJson.of(OAuthErrorCode.INVALID_REQUEST, description, status);
    e.getResponse().getHeaders().forEach((name, values) -> {
      if (name.equalsIgnoreCase("Allow")) {
        values.forEach(v -> response.header(name, v));
      }
    });
    return response.build();
  }
}
