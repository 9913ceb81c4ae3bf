package dev.gatehouse.protocol.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * Generates signing key pairs with Nimbus: RSA 2048 for RS256, EC P-256 for ES256. Each JWK carries {@code use=sig},
 * its {@code alg}, and its RFC 7638 thumbprint as {@code kid}, so a kid names exactly one public key.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7518#section-3.1">RFC 7518 §3.1 (RS256, ES256)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7638">RFC 7638 (JWK thumbprint)</a>
 */
public final class SigningKeyGenerator {

  /** RFC 7518 §3.3: "A key of size 2048 bits or larger MUST be used with these algorithms." */
  static final int RSA_BITS = 2048;

  /** A new private JWK (public and private parts) for {@code alg}. */
  public JWK generate(JWSAlgorithm alg) {
    try {
      if (JWSAlgorithm.RS256.equals(alg)) {
        return new RSAKeyGenerator(RSA_BITS).keyUse(KeyUse.SIGNATURE).algorithm(alg).keyIDFromThumbprint(true)
            .generate();
      }
      if (JWSAlgorithm.ES256.equals(alg)) {
        return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(alg).keyIDFromThumbprint(true)
            .generate();
      }
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate a " + alg + " signing key", e);
    }
    throw new IllegalArgumentException("No signing keys for " + alg + "; supported: " + KeyRotationPolicy.ALGORITHMS);
  }
}
