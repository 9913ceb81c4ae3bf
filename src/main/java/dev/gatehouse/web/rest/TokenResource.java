package dev.gatehouse.web.rest;

import dev.gatehouse.application.ClientAuthenticationService;
import dev.gatehouse.application.TokenService;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientCredentials;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.FormBody;
import dev.gatehouse.protocol.request.Parameters;
import dev.gatehouse.protocol.request.TokenRequest;
import dev.gatehouse.protocol.token.TokenResponse;
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
import java.util.List;
import java.util.Optional;

/**
 * The token endpoint (RFC 6749 §3.2, §4.1.3, §6): parse once, authenticate the client, hand over to the
 * {@link TokenService} transaction, write the JSON. No protocol rules live here.
 */
@Path("token")
public class TokenResource {

  /** A token request is a few hundred bytes; anything above this is refused before it is parsed. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  @Inject ClientAuthenticationService clients;
  @Inject TokenService tokens;
  @Context HttpHeaders headers;

  @POST
  public Response token(InputStream body) throws IOException {
    requireForm();
    Parameters form = FormBody.parse(body.readNBytes(MAX_BODY_BYTES + 1), MAX_BODY_BYTES);
    Client client = clients.authenticate(ClientCredentials.extract(single(HttpHeaders.AUTHORIZATION), form));
    TokenResponse response = tokens.token(TokenRequest.from(form), client);
    return Response.ok(TokenResponseJson.write(response), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** RFC 6749 §3.2: "The client MUST use the HTTP "POST" method when making access token requests." */
  @GET
  public Response get() {
    throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "The token endpoint accepts POST only",
        "GET on the token endpoint");
  }

  private void requireForm() {
    Optional<String> type = single(HttpHeaders.CONTENT_TYPE);
    MediaType media;
    try {
      media = type.map(MediaType::valueOf).orElse(null);
    } catch (IllegalArgumentException e) {
      media = null;
    }
    if (media == null || !media.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || media.isWildcardType()
        || media.isWildcardSubtype()) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST,
          "The body must be application/x-www-form-urlencoded", "content type " + type.orElse("(none)"));
    }
  }

  private Optional<String> single(String header) {
    List<String> values = headers.getRequestHeader(header);
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "A request header is repeated",
          header + " header repeated");
    }
    return Optional.of(values.get(0));
  }
}
