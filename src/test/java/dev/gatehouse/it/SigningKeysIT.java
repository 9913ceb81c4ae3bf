package dev.gatehouse.it;

import static dev.gatehouse.it.SignedJwts.PRIVATE_MEMBERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import dev.gatehouse.it.signing.SigningProbe;
import dev.gatehouse.protocol.jose.KeyEncryptionException;
import dev.gatehouse.protocol.jose.KeyEncryptionKey;
import dev.gatehouse.protocol.jose.PrivateKeyCipher;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The signing keys on the default settings (90-day rotation, one-day overlap; MariaDB execution only, it reads the
 * key table): what the JWKS publishes, what the database holds, and that the server's signatures verify with the JDK
 * alone. Rotation with short settings is {@link KeyRotationIT}.
 */
@ExtendWith({MariaDbOnly.class, ArquillianExtension.class})
@RunAsClient
class SigningKeysIT {

  private static final String TABLE = Database.PREFIX + "signing_keys";
  private static final String KEK = System.getenv("GATEHOUSE_KEY_ENCRYPTION_KEY");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war().addClass(SigningProbe.class);
  }

  @ArquillianResource URL url;

  private URI base() {
    return URI.create(url.toString());
  }

  @Test
  void rfc7517_jwks_whenFetched_thenOneRs256AndOneEs256PublicKeyOnly() {
    HttpResponse<String> response = SignedJwts.get(base().resolve("/oauth2/jwks"));
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals("public, max-age=300", response.headers().firstValue("Cache-Control").orElse(""),
        "cacheable, for less than the overlap");
    JsonObject jwks = SignedJwts.jwks(base());

    assertEquals(Set.of("keys"), jwks.keySet());
    List<JsonObject> keys = jwks.getJsonArray("keys").getValuesAs(JsonObject.class);
    assertEquals(2, keys.size(), jwks::toString);
    JsonObject rsa = keys.get(0);
    JsonObject ec = keys.get(1);
    assertEquals(Set.of("kty", "use", "alg", "kid", "n", "e"), rsa.keySet(), "RS256: public members only");
    assertEquals(List.of("RSA", "sig", "RS256"),
        List.of(rsa.getString("kty"), rsa.getString("use"), rsa.getString("alg")));
    assertEquals(256, Base64.getUrlDecoder().decode(rsa.getString("n")).length, "RSA 2048");
    assertEquals(Set.of("kty", "use", "alg", "kid", "crv", "x", "y"), ec.keySet(), "ES256: public members only");
    assertEquals(List.of("EC", "sig", "ES256", "P-256"),
        List.of(ec.getString("kty"), ec.getString("use"), ec.getString("alg"), ec.getString("crv")));
    for (String member : PRIVATE_MEMBERS) {
      assertFalse(response.body().contains("\"" + member + "\""), member + " in the JWKS");
    }
  }

  @Test
  void rfc8414_whenMetadataFetched_thenJwksUriIsTheJwksEndpoint() {
    HttpResponse<String> response = SignedJwts.get(base().resolve("/.well-known/oauth-authorization-server"));
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"jwks_uri\":\"" + Fixtures.issuer() + "/oauth2/jwks\""), response.body());
  }

  @Test
  void atRest_whenTheKeyTableIsRead_thenNoPlaintextPrivateKeyAndOnlyTheConfiguredKekDecrypts() throws Exception {
    JsonObject jwks = SignedJwts.jwks(base());
    List<Map<String, Object>> rows = Database.rows("SELECT * FROM " + TABLE);
    assertEquals(2, rows.size(), "one key per algorithm");
    assertNotNull(KEK, "the test run sets GATEHOUSE_KEY_ENCRYPTION_KEY (pom.xml)");
    PrivateKeyCipher configured = new PrivateKeyCipher(KeyEncryptionKey.parse(KEK, "GATEHOUSE_KEY_ENCRYPTION_KEY"));
    PrivateKeyCipher wrong = new PrivateKeyCipher(KeyEncryptionKey.parse(
        KeyEncryptionKey.newEncoded(new SecureRandom()), "GATEHOUSE_KEY_ENCRYPTION_KEY"));
    for (Map<String, Object> row : rows) {
      String kid = (String) row.get("kid");
      String stored = (String) row.get("private_jwk");
      assertFalse(stored.contains("\"d\""), "no plaintext private key in the column");
      assertFalse(((String) row.get("public_jwk")).contains("\"d\""));
      assertEquals(5, stored.split("\\.").length, "a compact JWE");
      String header = new String(Base64.getUrlDecoder().decode(stored.split("\\.")[0]), StandardCharsets.UTF_8);
      assertTrue(header.contains("\"alg\":\"dir\"") && header.contains("\"enc\":\"A256GCM\""), header);

      JWK decrypted = configured.decrypt(kid, stored);
      assertTrue(decrypted.isPrivate());
      assertEquals(JWK.parse(SignedJwts.key(jwks, kid).toString()).computeThumbprint(),
          decrypted.computeThumbprint(), "the published key is the public half of the stored private key");
      KeyEncryptionException e = assertThrows(KeyEncryptionException.class, () -> wrong.decrypt(kid, stored));
      assertTrue(e.getMessage().contains("GATEHOUSE_KEY_ENCRYPTION_KEY"), e.getMessage());
    }
    assertEquals(1, Database.rows("SELECT name FROM " + Database.PREFIX + "locks WHERE name = 'signing-keys'").size(),
        "the rotation lock row exists");
  }

  @Test
  void rfc7515_whenTheServerSigns_thenTheJdkVerifiesEachAlgorithmAgainstTheJwks() {
    JsonObject jwks = SignedJwts.jwks(base());
    for (String alg : List.of("RS256", "ES256")) {
      String jwt = SignedJwts.sign(base(), alg);
      JsonObject header = SignedJwts.header(jwt);

      assertEquals(alg, header.getString("alg"));
      assertEquals("JWT", header.getString("typ"));
      assertEquals(SignedJwts.kids(jwks, alg), List.of(header.getString("kid")), "signed with the published key");
      assertEquals(Fixtures.issuer(), SignedJwts.claims(jwt).getString("iss"));
      assertTrue(SignedJwts.verifies(jwt, jwks), alg + " verifies with java.security.Signature");
      assertFalse(SignedJwts.verifies(SignedJwts.tampered(jwt), jwks), alg + ": a changed claim does not verify");
    }
  }
}
