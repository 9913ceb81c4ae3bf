package dev.gatehouse.protocol.oidc;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * A second, deliberately separate JWS implementation for the tests: the JDK's {@link Signature} and JSON-P, no Nimbus.
 * Gatehouse signs with Nimbus; a test that verified with Nimbus too would trust the code it checks. This reads the
 * public key from the JWK members itself (RFC 7518 §6.2.1, §6.3.1) and verifies RS256 (RSASSA-PKCS1-v1_5 with
 * SHA-256) and ES256 (ECDSA P-256 with SHA-256, the signature as R || S: RFC 7518 §3.4).
 */
public final class IndependentJws {
  private IndependentJws() {}

  /** The decoded header of a compact JWS. */
  public static JsonObject header(String jws) {
    return json(part(jws, 0));
  }

  /** The decoded payload of a compact JWS. */
  public static JsonObject payload(String jws) {
    return json(part(jws, 1));
  }

  /** True when {@code jws} is signed by the key the JWK {@code jwk} describes, with the algorithm its header names. */
  public static boolean verifies(String jws, JsonObject jwk) {
    String[] parts = jws.split("\\.");
    if (parts.length != 3) {
      return false;
    }
    String alg = header(jws).getString("alg");
    try {
      Signature signature = switch (alg) {
        case "RS256" -> Signature.getInstance("SHA256withRSA");
        case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
        default -> throw new IllegalArgumentException("unexpected alg " + alg);
      };
      signature.initVerify(publicKey(jwk));
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The public key of an RSA or P-256 EC JWK. */
  public static PublicKey publicKey(JsonObject jwk) throws GeneralSecurityException {
    switch (jwk.getString("kty")) {
      case "RSA":
        return KeyFactory.getInstance("RSA").generatePublic(
            new RSAPublicKeySpec(unsigned(jwk.getString("n")), unsigned(jwk.getString("e"))));
      case "EC":
        if (!"P-256".equals(jwk.getString("crv"))) {
          throw new GeneralSecurityException("unexpected curve " + jwk.getString("crv"));
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(unsigned(jwk.getString("x")), unsigned(jwk.getString("y")));
        return KeyFactory.getInstance("EC").generatePublic(
            new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
      default:
        throw new GeneralSecurityException("unexpected kty " + jwk.getString("kty"));
    }
  }

  /** Parses JSON text (a JWK, a JWKS). */
  public static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static String part(String jws, int index) {
    return new String(Base64.getUrlDecoder().decode(jws.split("\\.")[index]), StandardCharsets.UTF_8);
  }

  private static BigInteger unsigned(String base64url) {
    return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
  }
}
