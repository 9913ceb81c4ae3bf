package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No automatic redirect to a URI the user has not been shown, for a client the operator did not register (RFC 9700
 * §4.11.2, issue 10 finding 8). Whoever can register a client (RFC 7591) could otherwise send people through
 * Gatehouse to any site: an authorization error, or a logout naming the client, redirected to the self-registered URI
 * without anyone having seen it. The operator's own clients are redirected to as before; markup in a client's name is
 * text on every page (finding 1).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SelfRegisteredClientIT {
  private static final String INITIAL = System.getProperty("gatehouse.it.initialToken");
  private static final String ELSEWHERE = "https://elsewhere.example/landing";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private URI base() {
    return URI.create(url.toString());
  }

  /** A public client registered by itself, redirecting to {@link #ELSEWHERE}; its client_id. */
  private String register(String name) {
    String body = Json.createObjectBuilder()
        .add("client_name", name)
        .add("redirect_uris", Json.createArrayBuilder().add(ELSEWHERE))
        .add("post_logout_redirect_uris", Json.createArrayBuilder().add(ELSEWHERE + "/bye"))
        .add("token_endpoint_auth_method", "none")
        .add("scope", "openid profile").build().toString();
    HttpResponse<String> created = new UserAgent(base()).exchange(HttpRequest.newBuilder(
        base().resolve("/oauth2/register")).header("Authorization", "Bearer " + INITIAL)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    assertEquals(201, created.statusCode(), created::body);
    try (var reader = Json.createReader(new StringReader(created.body()))) {
      JsonObject json = reader.readObject();
      return json.getString("client_id");
    }
  }

  private static Map<String, String> request(String clientId, String redirectUri) {
    Map<String, String> p = Fixtures.authorizeParams(clientId, redirectUri, "openid", Pkce.create(), "s-1");
    p.put("prompt", "none");
    return p;
  }

  @Test
  void rfc9700_4_11_2_whenAnErrorIsForASelfRegisteredClientNobodyHasSeen_thenAPageNamesItInsteadOfARedirect() {
    String client = register("Self-registered " + UUID.randomUUID());
    HttpResponse<String> answer = new UserAgent(base()).authorize(request(client, ELSEWHERE));
    assertEquals(200, answer.statusCode(), () -> "no redirect: " + answer.headers().map());
    assertTrue(answer.body().contains("id=\"return\"") && answer.body().contains("https://elsewhere.example"),
        answer::body);
    assertTrue(answer.body().contains("error=login_required"), "the link carries the error the client expects");

    HttpResponse<String> operators = new UserAgent(base()).authorize(request(Fixtures.BASIC, Fixtures.BASIC_REDIRECT));
    assertEquals(302, operators.statusCode(), "the operator's client: redirected as before");
    assertTrue(UserAgent.location(operators).contains("error=login_required"));
  }

  @Test
  void rfc9700_4_11_2_whenALogoutNamesASelfRegisteredClientAndNobodyIsSignedIn_thenTheWayBackIsALink() {
    String client = register("Self-registered " + UUID.randomUUID());
    HttpResponse<String> answer = new UserAgent(base()).get("/oauth2/logout?client_id=" + client
        + "&post_logout_redirect_uri=" + UserAgent.enc(ELSEWHERE + "/bye") + "&state=st");
    assertEquals(200, answer.statusCode(), () -> "no redirect: " + answer.headers().map());
    assertTrue(answer.body().contains("id=\"signed-out\"") && answer.body().contains("id=\"return\""), answer::body);
    assertTrue(answer.body().contains("https://elsewhere.example/landing/bye?state=st"), answer::body);
  }

  @Test
  void rfc9700_4_11_2_whenASelfRegisteredClientFirstAsksASignedInUser_thenTheConsentPageShowsWhereItLeads() {
    String client = register("Self-registered " + UUID.randomUUID());
    UserAgent agent = new UserAgent(base());
    Flows.code(agent, Fixtures.BASIC, Fixtures.BASIC_REDIRECT, "read", Pkce.create(), Fixtures.ALICE,
        Fixtures.ALICE_PASSWORD); // signed in, through an operator's client
    Map<String, String> p = Fixtures.authorizeParams(client, ELSEWHERE, null, Pkce.create(), "s-2");
    HttpResponse<String> answer = agent.authorize(p);
    assertEquals(200, answer.statusCode(), () -> "no code without a page: " + answer.headers().map());
    assertTrue(answer.body().contains("id=\"allow\"") && answer.body().contains("id=\"return-to\""), answer::body);
    assertTrue(answer.body().contains("https://elsewhere.example"), "the consent page says where the user returns");
  }

  /**
   * Finding 1: a client named {@code Evil<b>…</b><form action=/admin/users/new …>} rendered as live markup in the
   * consent page's heading, its form swallowing the page's buttons and CSRF field. The name is set in the database
   * (registration refuses such a name now, but one registered before is still there) and must come out as text.
   */
  @Test
  @org.junit.jupiter.api.extension.ExtendWith(MariaDbOnly.class)
  void finding1_whenAClientNameCarriesMarkup_thenEveryPageShowsItAsText() {
    String client = register("Plain name " + UUID.randomUUID());
    String evil = "Evil<b>bold</b><form action=/admin/users/new method=post><input name=username value=x>";
    assertEquals(1, RowAging.update("UPDATE " + Database.PREFIX + "clients SET client_name = ? WHERE client_id = ?",
        evil, client));
    UserAgent agent = new UserAgent(base());
    Flows.code(agent, Fixtures.BASIC, Fixtures.BASIC_REDIRECT, "read", Pkce.create(), Fixtures.ALICE,
        Fixtures.ALICE_PASSWORD);
    HttpResponse<String> consent = agent.authorize(Fixtures.authorizeParams(client, ELSEWHERE, "openid",
        Pkce.create(), "s-3"));
    assertEquals(200, consent.statusCode(), consent::body);
    assertTrue(consent.body().contains("Evil&lt;b&gt;bold&lt;/b&gt;&lt;form action=/admin/users/new"),
        consent::body);
    assertTrue(!consent.body().contains("<b>bold") && !consent.body().contains("<form action=/admin"),
        "no markup of the name reaches the page");
    assertEquals(1, consent.body().split("<form ", -1).length - 1, "the page's own form only");
  }

  /** Finding 1, the console: a username with markup is text on the user's pages (their heading used fmt:param). */
  @Test
  @org.junit.jupiter.api.extension.ExtendWith(MariaDbOnly.class)
  void finding1_whenAUsernameCarriesMarkup_thenTheConsoleShowsItAsText() {
    TestUsers.User user = TestUsers.create(base(), "markup");
    String subject = (String) Database.rows("SELECT id FROM " + Database.PREFIX + "users WHERE username = ?",
        user.username()).get(0).get("id");
    String evil = "<i>x</i>" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(1, RowAging.update("UPDATE " + Database.PREFIX + "users SET username = ? WHERE id = ?", evil,
        subject));
    UserAgent admin = new UserAgent(base());
    HttpResponse<String> signInPage = admin.get("/admin/sign-in");
    Map<String, String> form = new java.util.LinkedHashMap<>(UserAgent.csrfField(signInPage.body()));
    form.put("username", "console-admin");
    form.put("password", "console-admin-password-1");
    HttpResponse<String> signedIn = admin.postForm("/admin/sign-in", form);
    assertEquals(303, signedIn.statusCode(), signedIn::body);
    for (String page : new String[] {"show", "sessions", "password", "edit"}) {
      HttpResponse<String> shown = admin.get("/admin/users/" + page + "?id=" + subject);
      assertEquals(200, shown.statusCode(), () -> page + ": " + shown.body());
      assertTrue(shown.body().contains("&lt;i&gt;x&lt;/i&gt;"), () -> page + ": " + shown.body());
      assertTrue(!shown.body().contains("<i>x</i>"), () -> page + " prints the username as markup");
    }
  }
}
