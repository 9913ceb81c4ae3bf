package dev.gatehouse.web.rest;

import dev.gatehouse.application.keys.SigningKeys;
import dev.gatehouse.protocol.jose.JwtSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /oauth2/jwks}: the JWK Set of every published signing key (the next, the active, and the retired ones
 * whose tokens may still be valid), public parts only. It may be cached, but for less than half the overlap (at most
 * five minutes), so a relying party sees a new key before it signs.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517#section-5">RFC 7517 §5 (JWK Set)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-2">RFC 8414 §2 ({@code jwks_uri})</a>
 */
@ApplicationScoped
@Path("jwks")
public class JwksResource {

  @Inject JwtSigner signer;
  @Inject SigningKeys keys;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response jwks() {
    // toString(true): RFC 7517 §5 "public keys only" — private members are never serialised, whatever the set holds.
    return Response.ok(signer.publicKeys().toString(true))
        .header("Cache-Control", "public, max-age=" + keys.jwksMaxAge().getSeconds())
        .build();
  }
}
