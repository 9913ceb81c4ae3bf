package dev.gatehouse.web.view;

import dev.gatehouse.application.lifecycle.DemoSetup.DemoCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The demo client's back channel: a real HTTP token request to this same server (over loopback, at the port the
 * browser's request came in on), authenticated with client_secret_basic, exactly as an application would send it.
 */
@ApplicationScoped
public class DemoTokenClient {

  /** The token endpoint's status and JSON body, pretty-printed for the page. */
  public record Result(int status, String body) {}

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Result redeem(HttpServletRequest request, DemoCredentials client, String code, String verifier, String redirectUri)
      throws IOException {
    String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(redirectUri)
        + "&code_verifier=" + enc(verifier == null ? "" : verifier);
    String basic = Base64.getEncoder().encodeToString(
        (enc(client.clientId()) + ":" + enc(client.clientSecret())).getBytes(StandardCharsets.UTF_8));
    HttpRequest post = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + request.getLocalPort() + request.getContextPath() + "/oauth2/token"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", "Basic " + basic)
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    try {
      HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
      return new Result(response.statusCode(), pretty(response.body()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while redeeming the demo code", e);
    }
  }

  private static String pretty(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      StringWriter out = new StringWriter();
      Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(reader.read());
      return out.toString().trim();
    } catch (JsonException notJson) {
      return json;
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
