package dev.gatehouse.web.rest;

import dev.gatehouse.infrastructure.json.ClientMetadataJson;
import dev.gatehouse.application.registration.ClientRegistrationService;
import dev.gatehouse.application.registration.DynamicRegistrationSettings;
import dev.gatehouse.infrastructure.config.GatehouseConfig;
import dev.gatehouse.infrastructure.json.JsonFields;
import dev.gatehouse.protocol.client.ClientMetadata;
import dev.gatehouse.protocol.error.FieldProblem;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.registration.ClientInformation;
import dev.gatehouse.protocol.registration.MetadataRejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client registration endpoint (RFC 7591 §3) and the client configuration endpoint (RFC 7592 §2), both present
 * only when {@code GATEHOUSE_DYNAMIC_REGISTRATION} is on ({@link RegistrationSwitch}). Both are protected resources
 * (RFC 6750 §2.1, the {@code Authorization: Bearer} header only): registration by the operator's initial access token
 * when one is configured, configuration by the client's registration access token. No token where one is needed: 401
 * with a bare {@code Bearer} challenge; a wrong one: 401 {@code invalid_token}. Parse, hand over, write; the rules are
 * in the application and protocol layers.
 */
@ApplicationScoped
@Path("register")
public class RegistrationResource {

  /** The registration endpoint, below the issuer. */
  public static final String PATH = "/oauth2/register";
  /** RFC 7591 §2.1; not one of the fields {@link ClientMetadataJson} reads, since only registration uses it. */
  private static final String RESPONSE_TYPES = "response_types";
  /** RFC 6750 §3.1: no credentials, no error code. */
  private static final BearerTokenFilter.Refusal MISSING =
      new BearerTokenFilter.Refusal(401, BearerTokenFilter.REALM, null);

  @Inject ClientRegistrationService registrations;
  @Inject DynamicRegistrationSettings settings;
  @Inject GatehouseConfig config;

  /** RFC 7591 §3.1 and §3.2.1: 201 with the client information, including its credentials. */
  @POST
  public Response register(@Context HttpHeaders headers, InputStream body) throws IOException {
    Optional<String> token = bearer(headers);
    if (settings.initialToken().required() && token.isEmpty()) {
      return BearerTokenFilter.challenge(MISSING);
    }
    if (!settings.initialToken().permits(token.orElse(null))) {
      throw new OAuthException(OAuthErrorCode.INVALID_TOKEN, "The initial access token is not valid.",
          "wrong initial access token");
    }
    JsonObject json = JsonRequests.object(headers, body);
    ClientInformation registered = registrations.register(ClientMetadataJson.read(json), responseTypes(json));
    return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ClientInformationJson.write(registered, config.issuer() + PATH)).build();
  }

  /** RFC 7592 §2.1. */
  @GET
  @Path("{clientId}")
  public Response read(@PathParam("clientId") String clientId, @Context HttpHeaders headers) throws IOException {
    return withRegistrationToken(headers, token -> ok(registrations.read(clientId, token)));
  }

  /** RFC 7592 §2.2: a full replacement; the body's {@code client_secret}, if any, must be the current one. */
  @PUT
  @Path("{clientId}")
  public Response update(@PathParam("clientId") String clientId, @Context HttpHeaders headers, InputStream body)
      throws IOException {
    return withRegistrationToken(headers, token -> {
      JsonObject json = JsonRequests.object(headers, body);
      List<FieldProblem> problems = new ArrayList<>();
      Optional<String> secret = Optional.ofNullable(
          new JsonFields(json, "", problems).string(ClientMetadata.CLIENT_SECRET));
      if (!problems.isEmpty()) {
        throw MetadataRejection.of(problems);
      }
      JsonObject metadata = JsonOut.JSON.createObjectBuilder(json).remove(ClientMetadata.CLIENT_SECRET).build();
      return ok(registrations.update(clientId, token, ClientMetadataJson.read(metadata), responseTypes(json),
          secret));
    });
  }

  /** RFC 7592 §2.3: 204, and the client's grants and tokens are revoked. */
  @DELETE
  @Path("{clientId}")
  public Response delete(@PathParam("clientId") String clientId, @Context HttpHeaders headers) throws IOException {
    return withRegistrationToken(headers, token -> {
      registrations.delete(clientId, token);
      return Response.noContent().build();
    });
  }

  /** What the client configuration endpoint does with a registration access token. */
  @FunctionalInterface
  private interface WithToken {
    Response apply(String token) throws IOException;
  }

  /** Runs {@code call} with the request's registration access token, or answers 401 without one. */
  private static Response withRegistrationToken(HttpHeaders headers, WithToken call) throws IOException {
    Optional<String> token = bearer(headers);
    return token.isEmpty() ? BearerTokenFilter.challenge(MISSING) : call.apply(token.get());
  }

  private Response ok(ClientInformation information) {
    return Response.ok(ClientInformationJson.write(information, config.issuer() + PATH),
        MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** The {@code response_types} member (RFC 7591 §2), null when absent. */
  private static List<String> responseTypes(JsonObject json) {
    List<FieldProblem> problems = new ArrayList<>();
    List<String> types = new JsonFields(json, "", problems).strings(RESPONSE_TYPES);
    if (!problems.isEmpty()) {
      throw MetadataRejection.of(problems);
    }
    return types;
  }

  /** The bearer token of the {@code Authorization} header (RFC 6750 §2.1), if any; malformed: invalid_request. */
  private static Optional<String> bearer(HttpHeaders headers) {
    Optional<String> header = FormRequests.header(headers, HttpHeaders.AUTHORIZATION);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get();
    if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)
        || !BearerTokenFilter.B64TOKEN.matcher(value.substring(7).trim()).matches()) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "The Authorization header is not a bearer token.",
          "malformed Authorization header");
    }
    return Optional.of(value.substring(7).trim());
  }
}
