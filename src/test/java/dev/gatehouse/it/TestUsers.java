package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Users of the database store that a test makes for itself through the admin API, so that no other test shares them. */
public final class TestUsers {
  private static final String AUTOMATION = "it-admin-automation";
  private static final String AUTOMATION_SECRET = "it-admin-automation-secret-0123456789abcdefg";

  private TestUsers() {}

  /** A user: its username and password. */
  public record User(String username, String password) {}

  /** A new user whose username starts with {@code prefix}. */
  public static User create(URI base, String prefix) {
    ResourceEndpoints endpoints = new ResourceEndpoints(base);
    String token = endpoints.serviceToken(ResourceEndpoints.ClientAuth.basic(AUTOMATION, AUTOMATION_SECRET),
        "gatehouse:admin");
    User user = new User(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), "pw-" + UUID.randomUUID());
    String body = Json.createObjectBuilder().add("username", user.username()).add("password", user.password())
        .add("name", "Test " + prefix).build().toString();
    HttpResponse<String> created = endpoints.send(HttpRequest.newBuilder(base.resolve("/admin/api/users"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    assertEquals(201, created.statusCode(), created::body);
    return user;
  }
}
