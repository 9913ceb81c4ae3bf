package dev.gatehouse.web.rest;

import dev.gatehouse.application.oauth.IntrospectionService;
import dev.gatehouse.protocol.client.ClientCredentials;
import dev.gatehouse.protocol.introspect.Introspection;
import dev.gatehouse.protocol.request.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * The introspection endpoint (RFC 7662 §2): a confidential client asks whether a token is active. Anything unknown,
 * expired, revoked, malformed, or not the caller's to see is {@code {"active":false}} with 200.
 */
@ApplicationScoped
@Path("introspect")
public class IntrospectionResource {

  @Inject IntrospectionService introspection;

  @POST
  public Response introspect(@Context HttpHeaders headers, InputStream body) throws IOException {
    Parameters form = FormRequests.form(headers, body);
    Introspection answer = introspection.introspect(
        ClientCredentials.extract(FormRequests.header(headers, HttpHeaders.AUTHORIZATION), form),
        form.required("token"), form.single("token_type_hint"));
    return Response.ok(json(answer), MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  public Response get() {
    throw FormRequests.postOnly("introspection");
  }

  /** RFC 7662 §2.2: {@code active} always; the rest only for an active token. */
  static String json(Introspection answer) {
    JsonObjectBuilder json = JsonOut.JSON.createObjectBuilder().add("active", answer.active());
    if (answer.active()) {
      add(json, "scope", answer.scope());
      add(json, "client_id", answer.clientId());
      add(json, "sub", answer.subject());
      add(json, "username", answer.username());
      add(json, "token_type", answer.tokenType());
      json.add("exp", answer.expiresAt().getEpochSecond());
      json.add("iat", answer.issuedAt().getEpochSecond());
      add(json, "iss", answer.issuer());
      // RFC 7662 §2.2: aud, a "string identifier or list of string identifiers".
      if (answer.audience() != null) {
        json.add("aud", answer.audience().size() == 1 ? JsonOut.JSON.createValue(answer.audience().get(0))
            : JsonOut.JSON.createArrayBuilder(answer.audience()).build());
      }
      answer.userClaims().forEach((name, values) -> json.add(name, JsonOut.JSON.createArrayBuilder(values)));
    }
    return json.build().toString();
  }

  private static void add(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
