package dev.gatehouse.web.rest;

import dev.gatehouse.application.oauth.ClientAuthenticationService;
import dev.gatehouse.application.oauth.TokenEndpoint;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientCredentials;
import dev.gatehouse.protocol.grant.GrantHandlers;
import dev.gatehouse.protocol.request.Parameters;
import dev.gatehouse.protocol.token.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * The token endpoint (RFC 6749 §3.2, §4.1.3, §6): parse once, authenticate the client, build the request from the
 * parameters its grant declares ({@link GrantHandlers#parse}), hand over to the {@link TokenEndpoint} (one transaction
 * for the grant), write the JSON. No protocol rules live here.
 */
@ApplicationScoped
@Path("token")
public class TokenResource {

  @Inject ClientAuthenticationService clients;
  @Inject TokenEndpoint tokens;
  @Inject GrantHandlers grants;

  @POST
  public Response token(@Context HttpHeaders headers, InputStream body) throws IOException {
    Parameters form = FormRequests.form(headers, body);
    Client client = clients.authenticate(
        ClientCredentials.extract(FormRequests.header(headers, HttpHeaders.AUTHORIZATION), form));
    TokenResponse response = tokens.token(grants.parse(form), client);
    return Response.ok(TokenResponseJson.write(response), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** RFC 6749 §3.2: "The client MUST use the HTTP "POST" method when making access token requests." */
  @GET
  public Response get() {
    throw FormRequests.postOnly("token");
  }
}
