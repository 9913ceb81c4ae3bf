package dev.gatehouse.web.view;

import dev.gatehouse.infrastructure.config.GatehouseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;

/**
 * Gatehouse's own cookies, all made alike: HttpOnly (no script reads them), SameSite=Lax (sent on the top-level
 * navigations that bring a user from a client, not on cross-site subrequests or form posts), Secure whenever
 * Gatehouse is reached over HTTPS or its issuer is https, and a {@code Path} of Gatehouse's own context, so that an
 * application on the same host below another path never receives them. They live as long as the browser session:
 * the server decides when what they stand for ends.
 */
@ApplicationScoped
public class BrowserCookies {

  @Inject GatehouseConfig config;

  /** A cookie named {@code name} holding {@code value}; {@code maxAge} 0 removes it, -1 keeps it for the session. */
  public Cookie make(HttpServletRequest request, String name, String value, int maxAge) {
    return make(request, name, value, maxAge, "");
  }

  /**
   * A cookie like {@link #make(HttpServletRequest, String, String, int)} whose path is {@code below} (for example
   * {@code /admin}) under Gatehouse's context: only the pages there receive it.
   */
  public Cookie make(HttpServletRequest request, String name, String value, int maxAge, String below) {
    Cookie cookie = new Cookie(name, value);
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure() || config.issuer().startsWith("https:"));
    String path = request.getContextPath() + below;
    cookie.setPath(path.isEmpty() ? "/" : path);
    cookie.setMaxAge(maxAge);
    cookie.setAttribute("SameSite", "Lax");
    return cookie;
  }

  /** Every value the browser sent for {@code name}, in the order it sent them. */
  public static List<String> values(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    return cookies == null ? List.of()
        : Arrays.stream(cookies).filter(c -> name.equals(c.getName())).map(Cookie::getValue).toList();
  }
}
