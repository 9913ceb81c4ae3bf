package dev.gatehouse.it.signing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.infrastructure.config.GatehouseConfig;
import dev.gatehouse.protocol.jose.JwtSigner;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Test-only (added to the shipped WAR by the tests that need it): {@code GET /it-probe/sign?alg=RS256|ES256} answers
 * a JWT signed by the server's {@link JwtSigner}, exactly as an ID token would be signed, living
 * {@code GATEHOUSE_ID_TOKEN_TTL}. Until the token endpoint issues ID tokens, this is how the tests see a signature.
 */
@WebServlet("/it-probe/sign")
public class SigningProbe extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient JwtSigner signer;
  @Inject transient GatehouseConfig config;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Instant now = Instant.now();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(config.issuer())
        .subject("it-probe")
        .audience("it")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(config.idTokenTtl())))
        .jwtID(UUID.randomUUID().toString())
        .build();
    String jwt = signer.sign(claims, JWSAlgorithm.parse(request.getParameter("alg")), JOSEObjectType.JWT);
    response.setContentType("application/jwt");
    response.getWriter().write(jwt);
  }
}
