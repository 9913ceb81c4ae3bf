package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Relying parties registered for one test through the admin API, as an operator registers them: confidential, the
 * {@code openid} scope, a back-channel logout URI (the operator's registrations may point at loopback).
 */
final class AdminClients {
  private AdminClients() {}

  /** Registers {@code clientId}; returns its secret. */
  static String registerRelyingParty(URI base, String clientId, String redirectUri, List<String> postLogoutUris,
      String backchannelUri) {
    ResourceEndpoints endpoints = new ResourceEndpoints(base);
    String admin = endpoints.serviceToken(ResourceEndpoints.ClientAuth.basic(ServiceFixtures.ADMIN_AUTOMATION,
        ServiceFixtures.ADMIN_AUTOMATION_SECRET), "gatehouse:admin");
    JsonObjectBuilder client = Json.createObjectBuilder().add("client_id", clientId)
        .add("client_name", "IT " + clientId).add("redirect_uris", Json.createArrayBuilder().add(redirectUri))
        .add("scope", "openid").add("backchannel_logout_uri", backchannelUri);
    if (!postLogoutUris.isEmpty()) {
      JsonArrayBuilder postLogout = Json.createArrayBuilder();
      postLogoutUris.forEach(postLogout::add);
      client.add("post_logout_redirect_uris", postLogout);
    }
    String body = client.build().toString();
    HttpResponse<String> created = endpoints.send(HttpRequest.newBuilder(base.resolve("/admin/api/clients"))
        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertEquals(201, created.statusCode(), created::body);
    try (JsonReader reader = Json.createReader(new StringReader(created.body()))) {
      return reader.readObject().getString("client_secret");
    }
  }
}
