package dev.gatehouse.web.rest;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** RFC 6749 §5.2 error bodies: {@code error} and a fixed, safe {@code error_description}. */
final class ErrorJson {
  private ErrorJson() {}

  static Response.ResponseBuilder of(OAuthErrorCode code, String description, int status) {
    String body = JsonOut.JSON.createObjectBuilder()
        .add("error", code.code())
        .add("error_description", description)
        .build()
        .toString();
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
  }
}
