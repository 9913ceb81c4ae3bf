package dev.gatehouse.protocol.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.protocol.jose.JwtSigner;
import java.util.List;
import java.util.Set;

/** A {@link JwtSigner} over one fresh RSA and one fresh P-256 key, for tests of what is signed (not of key storage). */
public final class TestSigner implements JwtSigner {
  private final RSAKey rsa;
  private final ECKey ec;

  public TestSigner() {
    try {
      rsa = new RSAKeyGenerator(2048).keyID("test-rs256").generate();
      ec = new ECKeyGenerator(Curve.P_256).keyID("test-es256").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public RSAKey rsa() {
    return rsa;
  }

  public ECKey ec() {
    return ec;
  }

  @Override
  public String sign(JWTClaimsSet claims, JWSAlgorithm alg, JOSEObjectType type) {
    try {
      JWK key = JWSAlgorithm.ES256.equals(alg) ? ec : rsa;
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(type).build(), claims);
      jwt.sign(JWSAlgorithm.ES256.equals(alg) ? new ECDSASigner(ec) : new RSASSASigner(rsa));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Set<JWSAlgorithm> algorithms() {
    return Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
  }

  @Override
  public JWKSet publicKeys() {
    return new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()));
  }
}
