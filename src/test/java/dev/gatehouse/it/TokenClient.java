package dev.gatehouse.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** Calls the token endpoint the way a client application does. */
public final class TokenClient {

  /** A token endpoint answer: status, headers and the JSON body. */
  public record Answer(int status, HttpResponse<String> raw, JsonObject json) {
    public String string(String name) {
      return json.containsKey(name) && !json.isNull(name) ? json.getString(name) : null;
    }

    public String error() {
      return string("error");
    }
  }

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

  private final URI endpoint;

  public TokenClient(URI base) {
    this.endpoint = base.resolve("/oauth2/token");
  }

  /** POST with client_secret_basic (clientId/secret may be null for none or post). */
  public Answer post(Map<String, String> form, String clientId, String secret) {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(UserAgent.form(form)));
    if (clientId != null) {
      request.header("Authorization", basic(clientId, secret));
    }
    return send(request);
  }

  public Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response, parse(response.body()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends without reading the body as JSON: for answers that must be checked before they are parsed. */
  public HttpResponse<String> sendRaw(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An answer from a response obtained some other way (its body must be a JSON object). */
  public static Answer answer(HttpResponse<String> response) {
    return new Answer(response.statusCode(), response, parse(response.body()));
  }

  public URI endpoint() {
    return endpoint;
  }

  public static String basic(String clientId, String secret) {
    String pair = UserAgent.enc(clientId) + ":" + UserAgent.enc(secret);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (RuntimeException notJson) {
      throw new AssertionError("token endpoint answered something that is not a JSON object: " + body, notJson);
    }
  }
}
