package dev.gatehouse.web.view;

import dev.gatehouse.application.BackchannelLogout;
import dev.gatehouse.application.GatehouseConfig;
import dev.gatehouse.application.SessionService;
import dev.gatehouse.protocol.session.SsoSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The browser's side of the SSO session: one cookie, {@code GATEHOUSE_SSO}, holding 256 random bits; HttpOnly (no
 * script reads it), SameSite=Lax (sent on the top-level navigations that bring a user from a client, not on
 * cross-site subrequests), Secure whenever Gatehouse is reached over HTTPS, and a browser-session cookie (the server
 * decides when the session ends). The session itself is the server's ({@link SessionService}).
 */
@ApplicationScoped
public class SsoCookies {
  static final String NAME = "GATEHOUSE_SSO";
  private static final String CURRENT = "gatehouse.sso.current";

  @Inject SessionService sessions;
  @Inject BackchannelLogout backchannel;
  @Inject GatehouseConfig config;

  /** The active session of this browser, looked up once per request. */
  @SuppressWarnings("unchecked")
  public Optional<SsoSession> current(HttpServletRequest request) {
    Object cached = request.getAttribute(CURRENT);
    if (cached != null) {
      return (Optional<SsoSession>) cached;
    }
    Optional<SsoSession> session = value(request).flatMap(sessions::current);
    request.setAttribute(CURRENT, session);
    return session;
  }

  /**
   * Signs the user in: the session continues (same user) or a new one starts, and the cookie is set. The HTTP session
   * (which holds only CSRF tokens and parked requests) also gets a new id, so nothing planted before the sign-in
   * survives it.
   */
  public SsoSession signIn(HttpServletRequest request, HttpServletResponse response, String subject,
      String username) {
    SessionService.Started started = sessions.signIn(value(request), subject, username);
    request.getSession(true);
    request.changeSessionId();
    response.addCookie(cookie(request, started.cookieValue(), -1));
    request.setAttribute(CURRENT, Optional.of(started.session()));
    if (started.endedAnother()) {
      backchannel.deliverSoon(); // another user's session in this browser ended: tell its clients
    }
    return started.session();
  }

  /** Removes the cookie from the browser. */
  public void clear(HttpServletRequest request, HttpServletResponse response) {
    response.addCookie(cookie(request, "", 0));
    request.setAttribute(CURRENT, Optional.empty());
  }

  /** The cookie value, if the browser sent exactly one. */
  private static Optional<String> value(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    List<String> values = Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue)
        .collect(Collectors.toList());
    return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
  }

  private Cookie cookie(HttpServletRequest request, String value, int maxAge) {
    Cookie cookie = new Cookie(NAME, value);
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure() || config.issuer().startsWith("https:"));
    cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    cookie.setMaxAge(maxAge);
    cookie.setAttribute("SameSite", "Lax");
    return cookie;
  }
}
