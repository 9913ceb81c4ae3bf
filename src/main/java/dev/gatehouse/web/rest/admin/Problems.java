package dev.gatehouse.web.rest.admin;

import dev.gatehouse.protocol.error.FieldProblem;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * RFC 9457 problem details, the one form of every error of the admin API. The type is {@code about:blank}, so the
 * title is the HTTP status phrase (RFC 9457 §4.2.1) and {@code detail} says what happened in words a person can act
 * on, never a secret and never internals. A 400 for bad fields lists each of them in {@code invalid-params} (the
 * extension member of RFC 9457 §3's example), by its field name.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a>
 */
final class Problems {
  static final String MEDIA_TYPE = "application/problem+json";
  static final JsonProvider JSON = JsonProvider.provider();

  private Problems() {}

  static Response.ResponseBuilder of(int status, String detail) {
    return of(status, detail, List.of());
  }

  static Response.ResponseBuilder of(int status, String detail, List<FieldProblem> invalid) {
    Response.Status known = Response.Status.fromStatusCode(status);
    JsonObjectBuilder body = JSON.createObjectBuilder()
        .add("type", "about:blank")
        .add("title", known == null ? "Error" : known.getReasonPhrase())
        .add("status", status)
        .add("detail", detail);
    if (!invalid.isEmpty()) {
      JsonArrayBuilder params = JSON.createArrayBuilder();
      invalid.forEach(p -> params.add(JSON.createObjectBuilder().add("name", p.field()).add("reason", p.reason())));
      body.add("invalid-params", params);
    }
    return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString());
  }
}
