package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The server's JWKS and JWTs, checked without Nimbus: JSON-P to read them, and the JDK's {@link Signature}
 * ({@code SHA256withRSA}, {@code SHA256withECDSA}) over the base64url-decoded parts to verify them, an independent
 * check of what Gatehouse signed. JWTs come from the test-only {@code /it-probe/sign} (see
 * {@link dev.gatehouse.it.signing.SigningProbe}).
 */
public final class SignedJwts {
  /** Members that only a private JWK has (RFC 7518 §6.2.2, §6.3.2, §6.4). */
  public static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

  private SignedJwts() {}

  /** GET /oauth2/jwks: 200 and a JSON object. */
  public static JsonObject jwks(URI base) {
    HttpResponse<String> response = get(base.resolve("/oauth2/jwks"));
    assertEquals(200, response.statusCode(), response::body);
    return json(response.body());
  }

  /** A JWT signed by the server's signer with {@code alg} (RS256 or ES256). */
  public static String sign(URI base, String alg) {
    HttpResponse<String> response = get(base.resolve("/it-probe/sign?alg=" + alg));
    assertEquals(200, response.statusCode(), response::body);
    return response.body();
  }

  public static HttpResponse<String> get(URI uri) {
    return new TokenClient(uri).sendRaw(HttpRequest.newBuilder(uri).GET());
  }

  public static JsonObject header(String jwt) {
    return json(new String(part(jwt, 0), StandardCharsets.UTF_8));
  }

  public static JsonObject claims(String jwt) {
    return json(new String(part(jwt, 1), StandardCharsets.UTF_8));
  }

  public static String kid(String jwt) {
    return header(jwt).getString("kid");
  }

  /** The published key with this kid, or null. */
  public static JsonObject key(JsonObject jwks, String kid) {
    return jwks.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
        .filter(k -> kid.equals(k.getString("kid", null))).findFirst().orElse(null);
  }

  /** The kids in the JWKS with this alg, in order. */
  public static List<String> kids(JsonObject jwks, String alg) {
    return jwks.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
        .filter(k -> alg.equals(k.getString("alg", null))).map(k -> k.getString("kid")).toList();
  }

  /**
   * Whether the JWS verifies, with the JDK alone, against the key of its header's kid in {@code jwks} (false when no
   * such key is published, or the key's alg is not the header's).
   */
  public static boolean verifies(String jwt, JsonObject jwks) {
    JsonObject header = header(jwt);
    JsonObject jwk = key(jwks, header.getString("kid"));
    if (jwk == null || !header.getString("alg").equals(jwk.getString("alg"))) {
      return false;
    }
    byte[] input = jwt.substring(0, jwt.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    try {
      boolean rsa = "RS256".equals(header.getString("alg"));
      Signature signature = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA");
      signature.initVerify(rsa ? rsaKey(jwk) : ecKey(jwk));
      signature.update(input);
      // JWS carries an ES256 signature as R || S (RFC 7518 §3.4); the JDK's SHA256withECDSA wants DER.
      return signature.verify(rsa ? part(jwt, 2) : der(part(jwt, 2)));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The same JWT with one claim changed and the original signature: must not verify. */
  public static String tampered(String jwt) {
    String[] parts = jwt.split("\\.");
    String claims = new String(part(jwt, 1), StandardCharsets.UTF_8).replace("\"it-probe\"", "\"mallory\"");
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
  }

  private static PublicKey rsaKey(JsonObject jwk) throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(unsigned(jwk, "n"), unsigned(jwk, "e")));
  }

  private static PublicKey ecKey(JsonObject jwk) throws GeneralSecurityException {
    if (!"P-256".equals(jwk.getString("crv"))) {
      throw new GeneralSecurityException("not P-256");
    }
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp256r1"));
    ECPoint point = new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y"));
    return KeyFactory.getInstance("EC")
        .generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
  }

  /** R || S (32 bytes each) as the DER SEQUENCE of two INTEGERs. */
  private static byte[] der(byte[] raw) throws GeneralSecurityException {
    if (raw.length != 64) {
      throw new GeneralSecurityException("an ES256 signature has 64 bytes, this one " + raw.length);
    }
    byte[] r = new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)).toByteArray();
    byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, 32, 64)).toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.write(4 + r.length + s.length);
    out.write(0x02);
    out.write(r.length);
    out.writeBytes(r);
    out.write(0x02);
    out.write(s.length);
    out.writeBytes(s);
    return out.toByteArray();
  }

  private static BigInteger unsigned(JsonObject jwk, String member) {
    return new BigInteger(1, Base64.getUrlDecoder().decode(((JsonString) jwk.get(member)).getString()));
  }

  private static byte[] part(String jwt, int index) {
    return Base64.getUrlDecoder().decode(jwt.split("\\.")[index]);
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
