package dev.gatehouse.web.rest;

import dev.gatehouse.application.oauth.ClientAuthenticationService;
import dev.gatehouse.application.oauth.RevocationService;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientCredentials;
import dev.gatehouse.protocol.request.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * The revocation endpoint (RFC 7009 §2): a client revokes one of its own access or refresh tokens; revoking a refresh
 * token revokes its whole grant. An unknown token is 200 too (§2.2: "invalid tokens do not cause an error response").
 */
@ApplicationScoped
@Path("revoke")
public class RevocationResource {

  @Inject ClientAuthenticationService clients;
  @Inject RevocationService revocation;

  @POST
  public Response revoke(@Context HttpHeaders headers, InputStream body) throws IOException {
    Parameters form = FormRequests.form(headers, body);
    Client caller = clients.authenticate(
        ClientCredentials.extract(FormRequests.header(headers, HttpHeaders.AUTHORIZATION), form));
    revocation.revoke(form.required("token"), form.single("token_type_hint"), caller);
    return Response.ok().build();
  }

  @GET
  public Response get() {
    throw FormRequests.postOnly("revocation");
  }
}
