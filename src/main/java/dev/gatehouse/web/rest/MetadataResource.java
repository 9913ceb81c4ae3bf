package dev.gatehouse.web.rest;

import dev.gatehouse.application.GatehouseConfig;
import dev.gatehouse.protocol.client.TokenEndpointAuthMethod;
import dev.gatehouse.protocol.grant.GrantHandlers;
import dev.gatehouse.protocol.request.GrantType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;

/**
 * RFC 8414 authorization server metadata: exactly what is implemented. The grant types come from the one registry of
 * enabled grants, so the document cannot advertise a grant that is not there.
 */
@ApplicationScoped
@Path("oauth-authorization-server")
public class MetadataResource {

  @Inject GatehouseConfig config;
  @Inject GrantHandlers grants;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String metadata() {
    String issuer = config.issuer();
    JsonArrayBuilder grantTypes = JsonOut.JSON.createArrayBuilder();
    grants.enabled().stream().map(GrantType::value).sorted().forEach(grantTypes::add);
    return JsonOut.JSON.createObjectBuilder()
        .add("issuer", issuer)
        .add("authorization_endpoint", issuer + "/oauth2/authorize")
        .add("token_endpoint", issuer + "/oauth2/token")
        .add("jwks_uri", issuer + "/oauth2/jwks")
        .add("response_types_supported", JsonOut.JSON.createArrayBuilder().add("code"))
        .add("response_modes_supported", JsonOut.JSON.createArrayBuilder().add("query"))
        .add("grant_types_supported", grantTypes)
        .add("token_endpoint_auth_methods_supported", methods(TokenEndpointAuthMethod.values()))
        .add("introspection_endpoint", issuer + "/oauth2/introspect")
        // Introspection needs a caller that proved who it is: no "none" (RFC 7662 §2.1).
        .add("introspection_endpoint_auth_methods_supported", methods(
            TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, TokenEndpointAuthMethod.CLIENT_SECRET_POST))
        .add("revocation_endpoint", issuer + "/oauth2/revoke")
        .add("revocation_endpoint_auth_methods_supported", methods(TokenEndpointAuthMethod.values()))
        .add("code_challenge_methods_supported", JsonOut.JSON.createArrayBuilder().add("S256"))
        .add("authorization_response_iss_parameter_supported", true)
        .build()
        .toString();
  }

  private static JsonArrayBuilder methods(TokenEndpointAuthMethod... methods) {
    JsonArrayBuilder array = JsonOut.JSON.createArrayBuilder();
    Arrays.stream(methods).map(TokenEndpointAuthMethod::value).forEach(array::add);
    return array;
  }
}
