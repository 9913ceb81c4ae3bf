package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls the token (client credentials), introspection (RFC 7662), revocation (RFC 7009) and userinfo endpoints the way
 * a service or resource server does.
 */
public final class ResourceEndpoints {

  /** How a client authenticates: Basic header, id and secret in the body, id alone (public), or not at all. */
  public record ClientAuth(String clientId, String secret, boolean inBody) {
    public static ClientAuth basic(String clientId, String secret) {
      return new ClientAuth(clientId, secret, false);
    }

    public static ClientAuth post(String clientId, String secret) {
      return new ClientAuth(clientId, secret, true);
    }

    /** A public client: its client_id in the body, no secret (RFC 6749 §2.3, RFC 7009 §2.1). */
    public static ClientAuth none(String clientId) {
      return new ClientAuth(clientId, null, true);
    }

    public static ClientAuth anonymous() {
      return new ClientAuth(null, null, true);
    }

    Map<String, String> addTo(Map<String, String> form) {
      Map<String, String> copy = new LinkedHashMap<>(form);
      if (inBody && clientId != null) {
        copy.put("client_id", clientId);
        if (secret != null) {
          copy.put("client_secret", secret);
        }
      }
      return copy;
    }

    HttpRequest.Builder addTo(HttpRequest.Builder request) {
      return !inBody && clientId != null ? request.header("Authorization", TokenClient.basic(clientId, secret))
          : request;
    }
  }

  private final URI base;
  private final TokenClient http;

  public ResourceEndpoints(URI base) {
    this.base = base;
    this.http = new TokenClient(base);
  }

  /** POST /oauth2/token with this form and client authentication. */
  public TokenClient.Answer token(Map<String, String> form, ClientAuth auth) {
    return TokenClient.answer(postForm("/oauth2/token", auth.addTo(form), auth));
  }

  /** A fresh client credentials access token (asserts the 200). */
  public String serviceToken(ClientAuth auth, String scope) {
    TokenClient.Answer answer = token(ServiceFixtures.clientCredentials(scope), auth);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    assertNotNull(answer.string("access_token"));
    return answer.string("access_token");
  }

  /** POST /oauth2/introspect; {@code token} and {@code hint} are left out when null. */
  public TokenClient.Answer introspect(String token, String hint, ClientAuth auth) {
    return TokenClient.answer(postForm("/oauth2/introspect", auth.addTo(tokenForm(token, hint)), auth));
  }

  /** POST /oauth2/revoke; the raw answer (a 200 has an empty body, an error a JSON body). */
  public HttpResponse<String> revoke(String token, String hint, ClientAuth auth) {
    return postForm("/oauth2/revoke", auth.addTo(tokenForm(token, hint)), auth);
  }

  /** GET or POST /oauth2/userinfo with these Authorization header values (none, one, or several header lines). */
  public HttpResponse<String> userinfo(String method, String... authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/oauth2/userinfo"))
        .method(method, HttpRequest.BodyPublishers.noBody());
    for (String value : authorization) {
      request.header("Authorization", value);
    }
    return http.sendRaw(request);
  }

  /** Any request to this server, answered raw. */
  public HttpResponse<String> send(HttpRequest.Builder request) {
    return http.sendRaw(request);
  }

  public URI resolve(String path) {
    return base.resolve(path);
  }

  private HttpResponse<String> postForm(String path, Map<String, String> form, ClientAuth auth) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(UserAgent.form(form)));
    return http.sendRaw(auth.addTo(request));
  }

  private static Map<String, String> tokenForm(String token, String hint) {
    Map<String, String> form = new LinkedHashMap<>();
    if (token != null) {
      form.put("token", token);
    }
    if (hint != null) {
      form.put("token_type_hint", hint);
    }
    return form;
  }
}
