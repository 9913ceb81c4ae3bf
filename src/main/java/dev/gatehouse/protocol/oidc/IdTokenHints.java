package dev.gatehouse.protocol.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.jose.JwtSigner;
import java.text.ParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an {@code id_token_hint} (OpenID Connect Core §3.1.2.1; RP-Initiated Logout 1.0 §2): an ID token Gatehouse
 * issued, verified against Gatehouse's own published keys, with Gatehouse as its issuer. Its expiry is not checked:
 * the hint names a user, it grants nothing, and RP-Initiated Logout §4 expects expired ones ("the OP SHOULD accept ID
 * Tokens ... when the RP's session has expired"). Anything else about it that is wrong is {@code invalid_request}.
 */
public final class IdTokenHints {
  private static final String INVALID = "The id_token_hint is not a valid ID token of this server.";

  private final JwtSigner signer;
  private final String issuer;

  public IdTokenHints(JwtSigner signer, String issuer) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
  }

  /** What a valid hint says: who, for which client, in which session. */
  public record Hint(String subject, String clientId, Optional<String> sessionId) {}

  /**
   * Verifies the hint. When {@code clientId} is present the hint must have been issued to that client (its {@code
   * aud}).
   *
   * @throws OAuthException {@code invalid_request} when the hint is malformed, not signed by a published key of this
   *     server, from another issuer, or for another client
   */
  public Hint verify(String hint, Optional<String> clientId) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
        signer.algorithms(), new ImmutableJWKSet<>(signer.publicKeys())));
    processor.setJWTClaimsSetVerifier((claims, context) -> check(claims, clientId));
    try {
      JWTClaimsSet claims = processor.process(hint, null);
      String aud = claims.getAudience().get(0);
      return new Hint(claims.getSubject(), aud, Optional.ofNullable(claims.getStringClaim("sid")));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, INVALID, "id_token_hint rejected: " + e.getMessage());
    }
  }

  private void check(JWTClaimsSet claims, Optional<String> clientId) throws BadJWTException {
    if (!issuer.equals(claims.getIssuer())) {
      throw new BadJWTException("issuer is not this server");
    }
    if (claims.getSubject() == null || claims.getAudience() == null || claims.getAudience().size() != 1) {
      throw new BadJWTException("no sub, or not exactly one aud");
    }
    if (clientId.isPresent() && !claims.getAudience().contains(clientId.get())) {
      throw new BadJWTException("issued to another client");
    }
  }
}
