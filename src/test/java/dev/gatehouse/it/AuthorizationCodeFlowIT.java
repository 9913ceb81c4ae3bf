package dev.gatehouse.it;

import static dev.gatehouse.it.Fixtures.ALICE;
import static dev.gatehouse.it.Fixtures.ALICE_PASSWORD;
import static dev.gatehouse.it.Fixtures.BASIC;
import static dev.gatehouse.it.Fixtures.BASIC_REDIRECT;
import static dev.gatehouse.it.Fixtures.BASIC_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The authorization code flow over HTTP, front channel and back channel, on the shipped WAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationCodeFlowIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private URI base() {
    return URI.create(url.toString());
  }

  @Test
  void rfc8414_3_metadataAdvertisesExactlyWhatIsImplemented() {
    HttpResponse<String> response = new UserAgent(base()).get("/.well-known/oauth-authorization-server");
    assertEquals(200, response.statusCode());
    JsonObject metadata = Json.createReader(new StringReader(response.body())).readObject();
    String issuer = Fixtures.issuer();
    assertEquals(issuer, metadata.getString("issuer"));
    assertEquals(issuer + "/oauth2/authorize", metadata.getString("authorization_endpoint"));
    assertEquals(issuer + "/oauth2/token", metadata.getString("token_endpoint"));
    assertEquals(Set.of("code"), strings(metadata, "response_types_supported"));
    assertEquals(Set.of("authorization_code", "refresh_token"), strings(metadata, "grant_types_supported"));
    assertEquals(Set.of("client_secret_basic", "client_secret_post", "none"),
        strings(metadata, "token_endpoint_auth_methods_supported"));
    assertEquals(Set.of("S256"), strings(metadata, "code_challenge_methods_supported"));
    assertTrue(metadata.getBoolean("authorization_response_iss_parameter_supported"));
    assertEquals(Set.of("issuer", "authorization_endpoint", "token_endpoint", "response_types_supported",
        "response_modes_supported", "grant_types_supported", "token_endpoint_auth_methods_supported",
        "code_challenge_methods_supported", "authorization_response_iss_parameter_supported"), metadata.keySet(),
        "nothing advertised that is not implemented");
  }

  @Test
  void rfc6749_4_1_whenUserSignsInAndAllows_thenClientRedeemsCodeForTokens() {
    TokenClient.Answer answer = Flows.basicClientTokens(base(), "read write");
    assertEquals("no-store", answer.raw().headers().firstValue("Cache-Control").orElse(""), "RFC 6749 §5.1");
    assertEquals("Bearer", answer.string("token_type"));
    assertTrue(answer.json().getInt("expires_in") > 0);
    assertEquals("read write", answer.string("scope"));
    assertTrue(answer.string("access_token").length() >= 43, "at least 256 bits");
    assertNotNull(answer.string("refresh_token"));
    assertNotEquals(answer.string("access_token"), answer.string("refresh_token"));
  }

  @Test
  void rfc6749_6_whenRefreshing_thenRotatedAndOldTokenStopsWorking() {
    TokenClient tokens = new TokenClient(base());
    String first = Flows.basicClientTokens(base(), "read write").string("refresh_token");
    TokenClient.Answer refreshed = tokens.post(Fixtures.refresh(first, null), BASIC, BASIC_SECRET);
    assertEquals(200, refreshed.status(), () -> refreshed.json().toString());
    String second = refreshed.string("refresh_token");
    assertNotNull(second, "a rotating client gets a new refresh token");
    assertNotEquals(first, second);
    TokenClient.Answer reuse = tokens.post(Fixtures.refresh(first, null), BASIC, BASIC_SECRET);
    assertEquals(400, reuse.status());
    assertEquals("invalid_grant", reuse.error());
    TokenClient.Answer next = tokens.post(Fixtures.refresh(second, null), BASIC, BASIC_SECRET);
    assertEquals(200, next.status(), "within the grace window a duplicate does not revoke the grant");
  }

  @Test
  void rfc6749_4_1_2_1_whenClientUnknown_thenErrorPageAndNoRedirect() {
    HttpResponse<String> response = new UserAgent(base()).authorize(
        Fixtures.authorizeParams("no-such-client", BASIC_REDIRECT, "read", Pkce.create(), "s"));
    assertEquals(400, response.statusCode());
    assertFalse(response.headers().firstValue("Location").isPresent(), "never redirected");
    assertTrue(response.body().contains("id=\"error-code\""), response.body());
  }

  @Test
  void rfc6749_3_1_2_3_whenRedirectUriAltered_thenErrorPageAndNoRedirect() {
    for (String altered : new String[] {BASIC_REDIRECT + "/", BASIC_REDIRECT + "?x=1", "http://127.0.0.1:9/CALLBACK",
        "https://app.example.com/cb", "https://app.example.com/cb?tenant=a&x=1"}) {
      HttpResponse<String> response = new UserAgent(base()).authorize(
          Fixtures.authorizeParams(BASIC, altered, "read", Pkce.create(), "s"));
      assertEquals(400, response.statusCode(), altered);
      assertFalse(response.headers().firstValue("Location").isPresent(), altered);
    }
  }

  @Test
  void rfc9207_2_whenResponseTypeUnsupported_thenErrorRedirectCarriesStateAndIss() {
    Map<String, String> params = Fixtures.authorizeParams(BASIC, BASIC_REDIRECT, "read", Pkce.create(), "st-1");
    params.put("response_type", "token");
    HttpResponse<String> response = new UserAgent(base()).authorize(params);
    Map<String, String> query = Fixtures.query(URI.create(UserAgent.location(response)));
    assertTrue(UserAgent.location(response).startsWith(BASIC_REDIRECT + "?"));
    assertEquals("unsupported_response_type", query.get("error"));
    assertEquals("st-1", query.get("state"));
    assertEquals(Fixtures.issuer(), query.get("iss"));
  }

  @Test
  void rfc6749_4_1_3_whenRedirectUriDiffers_thenInvalidGrant() {
    UserAgent agent = new UserAgent(base());
    Pkce pkce = Pkce.create();
    String code = Flows.code(agent, BASIC, BASIC_REDIRECT, "read", pkce, ALICE, ALICE_PASSWORD);
    TokenClient.Answer answer = new TokenClient(base()).post(
        Fixtures.codeRedemption(code, "https://app.example.com/cb?tenant=a", pkce), BASIC, BASIC_SECRET);
    assertEquals(400, answer.status());
    assertEquals("invalid_grant", answer.error());
  }

  private static Set<String> strings(JsonObject json, String name) {
    return Set.copyOf(json.getJsonArray(name).getValuesAs(jakarta.json.JsonString::getString));
  }
}
