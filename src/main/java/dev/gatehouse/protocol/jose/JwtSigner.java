package dev.gatehouse.protocol.jose;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Set;

/**
 * Signs Gatehouse's JWTs (ID tokens, JWT access tokens) with the active signing key, and publishes the public keys
 * that verify them. Every node of a cluster signs with the same key at the same instant: the active key is a function
 * of the signing-key table and the clock ({@link KeyRotationPolicy}).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7515">RFC 7515 (JWS)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517#section-5">RFC 7517 §5 (JWK Set)</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#Signing">OIDC Core §10.1 (signing)</a>
 */
public interface JwtSigner {
  /** Signs the claims with the active key for alg (RS256 or ES256); the header carries kid and typ. Returns the compact serialization. */
  String sign(JWTClaimsSet claims, JWSAlgorithm alg, JOSEObjectType type);

  /** The algorithms a key exists for (always RS256 and ES256). */
  Set<JWSAlgorithm> algorithms();

  /** Public keys only (every published key: next, active, and retired-but-still-valid), for the JWKS endpoint and for verifying Gatehouse's own JWTs (id_token_hint, JWT access tokens). */
  JWKSet publicKeys();
}
