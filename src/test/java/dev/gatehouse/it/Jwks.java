package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.oidc.IndependentJws;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;

/** Checks a JWT of the server against the keys it publishes, with the JDK's own signature code. */
public final class Jwks {
  private Jwks() {}

  /** Fetches the JWKS and asserts that the key the JWS's kid names verifies it. */
  public static void assertVerifies(URI base, String jws) {
    String kid = IndependentJws.header(jws).getString("kid");
    HttpResponse<String> response = new UserAgent(base).get("/oauth2/jwks");
    assertEquals(200, response.statusCode(), response::body);
    JsonArray keys = IndependentJws.json(response.body()).getJsonArray("keys");
    JsonObject key = keys.getValuesAs(JsonObject.class).stream().filter(k -> kid.equals(k.getString("kid")))
        .findFirst().orElseThrow(() -> new AssertionError("kid " + kid + " is not in the JWKS " + keys));
    assertTrue(IndependentJws.verifies(jws, key), "signature verifies against the published key " + kid);
  }
}
