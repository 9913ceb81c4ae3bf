package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Every cookie Gatehouse sets, as the server wrote it (raw {@code Set-Cookie}, which a browser test cannot see:
 * Chromium reports an unset SameSite as Lax): HttpOnly, SameSite=Lax, a path of Gatehouse's own, and no container
 * session cookie at all. Run on every server of the subset (Payara Micro, Payara Server, WildFly), since each writes
 * cookies its own way and Payara 6 drops the SameSite of the container's session cookie.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CookieAttributesIT {
  private static final String ADMIN = "console-admin";
  private static final String ADMIN_PASSWORD = "console-admin-password-1";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private URI base() {
    return URI.create(url.toString());
  }

  @Test
  void everyCookieOfSignInConsentConsoleAndLogout_isHttpOnlyLaxOnGatehousesPath_andNoHttpSessionIsMade() {
    UserAgent user = new UserAgent(base());
    URI back = user.authorizeAndAllow(Fixtures.authorizeParams(Fixtures.OIDC, Fixtures.OIDC_REDIRECT, "openid",
        Pkce.create(), "s-cookies"), Fixtures.CAROL, Fixtures.CAROL_PASSWORD);
    assertTrue(Fixtures.query(back).containsKey("code"), back::toString);
    HttpResponse<String> out = user.get("/oauth2/logout?client_id=" + Fixtures.OIDC);
    assertTrue(out.statusCode() < 500, out::body);

    UserAgent admin = new UserAgent(base());
    assertEquals(303, AdminConsoleIT.consoleSignIn(admin, ADMIN, ADMIN_PASSWORD, "/admin/").statusCode());
    Map<String, String> newUser = UserAgent.csrfField(admin.get("/admin/users/new").body());
    newUser.put("username", "cookie-" + UUID.randomUUID().toString().substring(0, 8));
    newUser.put("password", "cookie-user-password-1");
    HttpResponse<String> made = admin.postForm("/admin/users/new", newUser);
    assertEquals(303, made.statusCode(), made::body);
    String shown = made.headers().firstValue("Location").orElseThrow();
    assertTrue(admin.get(shown).body().contains("id=\"notice\""), "the note reaches the next page");
    assertFalse(admin.get(shown).body().contains("id=\"notice\""), "and only that one: the note was removed");

    List<String> all = new ArrayList<>(user.setCookies());
    all.addAll(admin.setCookies());
    List<String> names = all.stream().map(c -> c.substring(0, c.indexOf('='))).distinct().toList();
    assertTrue(names.containsAll(List.of("GATEHOUSE_SSO", "GATEHOUSE_CSRF", "GATEHOUSE_CONSOLE_NOTE")),
        () -> "the cookies looked at: " + names);
    String contextPath = base().getPath().replaceAll("/$", "");
    for (String cookie : all) {
      String lower = cookie.toLowerCase(Locale.ROOT);
      String name = cookie.substring(0, cookie.indexOf('='));
      assertTrue(name.startsWith("GATEHOUSE_") && !name.equals("GATEHOUSE_SESSION"),
          () -> "only Gatehouse's own cookies, no container session: " + cookie);
      assertTrue(lower.contains("; httponly"), () -> "HttpOnly: " + cookie);
      assertTrue(lower.contains("; samesite=lax"), () -> "SameSite=Lax: " + cookie);
      assertFalse(lower.contains("; secure"), () -> "plain http on loopback, so not Secure: " + cookie);
      String path = attribute(cookie, "path");
      String expected = name.equals("GATEHOUSE_CONSOLE_NOTE") ? contextPath + "/admin"
          : contextPath.isEmpty() ? "/" : contextPath;
      assertEquals(expected, path, () -> "the path of Gatehouse (its console, for the console's note): " + cookie);
    }
  }

  /** The value of a cookie attribute, as written (case of the name ignored). */
  private static String attribute(String setCookie, String name) {
    for (String part : setCookie.split(";")) {
      String p = part.strip();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).equalsIgnoreCase(name)) {
        return p.substring(eq + 1).replace("\"", "");
      }
    }
    return null;
  }
}
