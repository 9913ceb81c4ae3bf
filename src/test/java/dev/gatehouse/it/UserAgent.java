package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen: keeps cookies, never follows redirects (each hop is asserted by the tests), and can fill
 * in Gatehouse's sign-in and consent forms.
 */
public final class UserAgent {
  private static final Pattern HIDDEN = Pattern.compile("name=\"(csrf|request)\" value=\"([^\"]*)\"");

  public final URI base;
  private final HttpClient http;
  private final List<String> setCookies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  public UserAgent(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(resolve(pathAndQuery)).GET());
  }

  public HttpResponse<String> postForm(String path, Map<String, String> form) {
    return send(HttpRequest.newBuilder(resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(form))));
  }

  /** Sends any request with this agent's cookies (for requests the helpers above do not build). */
  public HttpResponse<String> exchange(HttpRequest.Builder request) {
    return send(request);
  }

  /** GET /oauth2/authorize with these parameters. */
  public HttpResponse<String> authorize(Map<String, String> parameters) {
    return get("/oauth2/authorize?" + form(parameters));
  }

  /**
   * Runs the whole front channel: authorize, sign in if asked, allow on the consent page if shown; returns the final
   * redirect to the client.
   */
  public URI authorizeAndAllow(Map<String, String> parameters, String username, String password) {
    return authorizeAndAllow(form(parameters), username, password);
  }

  /** The same for a query string built by the caller (for a parameter sent more than once, e.g. RFC 8707 resource). */
  public URI authorizeAndAllow(String query, String username, String password) {
    HttpResponse<String> response = get("/oauth2/authorize?" + query);
    if (isRedirectTo(response, "/login")) {
      response = signIn(response, username, password);
    }
    if (response.statusCode() == 200 && response.body().contains("id=\"allow\"")) {
      response = consent(response, "allow");
    }
    HttpResponse<String> last = response;
    assertEquals(302, last.statusCode(), () -> "expected a redirect to the client, got " + last.body());
    return URI.create(last.headers().firstValue("Location").orElseThrow());
  }

  /** Follows the redirect to the sign-in page, submits the form, and follows the redirect back to the request. */
  public HttpResponse<String> signIn(HttpResponse<String> redirectToLogin, String username, String password) {
    HttpResponse<String> page = get(location(redirectToLogin));
    assertEquals(200, page.statusCode(), "sign-in page");
    Map<String, String> form = hiddenFields(page.body());
    form.put("username", username);
    form.put("password", password);
    HttpResponse<String> posted = postForm("/login", form);
    for (int i = 0; i < 10 && posted.statusCode() == 429; i++) {
      // Too soon after a failure, or the node's password checks are all taken: wait as told, as a person would.
      pause(Long.parseLong(posted.headers().firstValue("Retry-After").orElse("1")));
      form = hiddenFields(posted.body());
      form.put("username", username);
      form.put("password", password);
      posted = postForm("/login", form);
    }
    if (posted.statusCode() != 302) {
      return posted;
    }
    return get(location(posted));
  }

  private static void pause(long seconds) {
    try {
      Thread.sleep(seconds * 1000 + 100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Submits Allow or Deny on a consent page. */
  public HttpResponse<String> consent(HttpResponse<String> consentPage, String decision) {
    Map<String, String> form = hiddenFields(consentPage.body());
    form.put("decision", decision);
    return postForm("/consent", form);
  }

  public static boolean isRedirectTo(HttpResponse<String> response, String path) {
    return response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").contains(path);
  }

  public static String location(HttpResponse<String> response) {
    assertTrue(response.statusCode() == 302 || response.statusCode() == 303, () -> "not a redirect: "
        + response.statusCode() + " " + response.body());
    return response.headers().firstValue("Location").orElseThrow();
  }

  /**
   * A sign-in failure page (401 with the failure message) without what differs per request (form tokens) and per
   * attempt (the username echoed back): two failures compare equal when nothing tells them apart.
   */
  public static String failurePage(HttpResponse<String> answer) {
    assertEquals(401, answer.statusCode(), answer::body);
    assertTrue(answer.body().contains("id=\"login-error\""), answer::body);
    return answer.body()
        .replaceAll("name=\"(csrf|request)\" value=\"[^\"]*\"", "name=\"$1\" value=\"…\"")
        .replaceAll("(id=\"username\"[^>]*value=\")[^\"]*\"", "$1…\"");
  }

  /** The csrf and request fields of a sign-in or consent page (both must be there). */
  public static Map<String, String> hiddenFields(String html) {
    Map<String, String> fields = csrfField(html);
    assertTrue(fields.containsKey("request"), () -> "no request field in " + html);
    return fields;
  }

  /** The csrf field (and the request field, if any) of a page's form. */
  public static Map<String, String> csrfField(String html) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = HIDDEN.matcher(html);
    while (m.find()) {
      fields.put(m.group(1), m.group(2));
    }
    assertTrue(fields.containsKey("csrf"), () -> "no csrf field in " + html);
    return fields;
  }

  public static String form(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Every {@code Set-Cookie} header any answer to this agent carried, in order, as the server wrote it. */
  public List<String> setCookies() {
    synchronized (setCookies) {
      return List.copyOf(setCookies);
    }
  }

  private URI resolve(String pathOrUrl) {
    return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      setCookies.addAll(answer.headers().allValues("Set-Cookie"));
      return answer;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
