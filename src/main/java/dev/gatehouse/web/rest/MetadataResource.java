package dev.gatehouse.web.rest;

import com.nimbusds.jose.JWSAlgorithm;
import dev.gatehouse.application.registration.DynamicRegistrationSettings;
import dev.gatehouse.infrastructure.config.GatehouseConfig;
import dev.gatehouse.protocol.authorize.AuthorizationRequestValidator;
import dev.gatehouse.protocol.client.TokenEndpointAuthMethod;
import dev.gatehouse.protocol.grant.GrantHandlers;
import dev.gatehouse.protocol.jose.JwtSigner;
import dev.gatehouse.protocol.oidc.ClaimsByScope;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.web.view.PageLocales;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The discovery documents: RFC 8414 authorization server metadata and OpenID Connect Discovery 1.0 provider metadata.
 * Both are built from one list, so they cannot disagree; the OpenID one adds what only OpenID Connect defines. They
 * advertise exactly what is implemented: the grant types come from the one registry of enabled grants, the signing
 * algorithms from the key ring.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-2">RFC 8414 §2</a>
 * @see <a href="https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata">OpenID Connect Discovery
 *     1.0 §3</a>
 */
@ApplicationScoped
@Path("")
public class MetadataResource {

  @Inject GatehouseConfig config;
  @Inject GrantHandlers grants;
  @Inject JwtSigner signer;
  @Inject DynamicRegistrationSettings registration;

  /** RFC 8414 §3: {@code /.well-known/oauth-authorization-server}. */
  @GET
  @Path("oauth-authorization-server")
  @Produces(MediaType.APPLICATION_JSON)
  public String oauth() {
    return common().build().toString();
  }

  /** OpenID Connect Discovery 1.0 §4: {@code /.well-known/openid-configuration}. */
  @GET
  @Path("openid-configuration")
  @Produces(MediaType.APPLICATION_JSON)
  public String openId() {
    String issuer = config.issuer();
    JsonArrayBuilder algorithms = JsonOut.JSON.createArrayBuilder();
    signer.algorithms().stream().map(JWSAlgorithm::getName).sorted(Comparator.reverseOrder()).forEach(algorithms::add);
    return common()
        .add("userinfo_endpoint", issuer + "/oauth2/userinfo")
        // RP-Initiated Logout 1.0 §2.1.
        .add("end_session_endpoint", issuer + "/oauth2/logout")
        // Back-Channel Logout 1.0 §2.1: logout tokens carry sid, and ID tokens do too.
        .add("backchannel_logout_supported", true)
        .add("backchannel_logout_session_supported", true)
        .add("subject_types_supported", array("public"))
        .add("id_token_signing_alg_values_supported", algorithms)
        .add("claims_supported", array(ClaimsByScope.SUPPORTED.toArray(String[]::new)))
        .add("claims_parameter_supported", false)
        .add("request_parameter_supported", false)
        // Discovery §3: request_uri_parameter_supported defaults to true, so its absence would advertise it.
        .add("request_uri_parameter_supported", false)
        .add("prompt_values_supported", array("none", "login", "consent", "select_account"))
        .add("ui_locales_supported", array(PageLocales.SUPPORTED_TAGS.toArray(String[]::new)))
        .build()
        .toString();
  }

  private JsonObjectBuilder common() {
    String issuer = config.issuer();
    JsonArrayBuilder grantTypes = JsonOut.JSON.createArrayBuilder();
    grants.enabled().stream().map(GrantType::value).sorted().forEach(grantTypes::add);
    List<String> scopes = new ArrayList<>(ClaimsByScope.SCOPES);
    scopes.add("offline_access");
    JsonObjectBuilder metadata = JsonOut.JSON.createObjectBuilder()
        .add("issuer", issuer)
        .add("authorization_endpoint", issuer + "/oauth2/authorize")
        .add("token_endpoint", issuer + "/oauth2/token")
        .add("jwks_uri", issuer + "/oauth2/jwks")
        .add("scopes_supported", array(scopes.toArray(String[]::new)))
        .add("response_types_supported", array("code"))
        // Any other response_mode is refused with invalid_request (AuthorizationRequestValidator), never ignored.
        .add("response_modes_supported", array(AuthorizationRequestValidator.QUERY))
        .add("grant_types_supported", grantTypes)
        .add("token_endpoint_auth_methods_supported", methods(TokenEndpointAuthMethod.values()))
        .add("introspection_endpoint", issuer + "/oauth2/introspect")
        // Introspection needs a caller that proved who it is: no "none" (RFC 7662 §2.1).
        .add("introspection_endpoint_auth_methods_supported", methods(
            TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, TokenEndpointAuthMethod.CLIENT_SECRET_POST))
        .add("revocation_endpoint", issuer + "/oauth2/revoke")
        .add("revocation_endpoint_auth_methods_supported", methods(TokenEndpointAuthMethod.values()))
        .add("code_challenge_methods_supported", array("S256"))
        .add("authorization_response_iss_parameter_supported", true);
    if (registration.enabled()) {
      // RFC 8414 §2 and OpenID Connect Discovery 1.0 §3; absent while dynamic registration is off.
      metadata.add("registration_endpoint", issuer + RegistrationResource.PATH);
    }
    return metadata;
  }

  private static JsonArrayBuilder array(String... values) {
    JsonArrayBuilder array = JsonOut.JSON.createArrayBuilder();
    Arrays.stream(values).forEach(array::add);
    return array;
  }

  private static JsonArrayBuilder methods(TokenEndpointAuthMethod... methods) {
    return array(Arrays.stream(methods).map(TokenEndpointAuthMethod::value).toArray(String[]::new));
  }
}
