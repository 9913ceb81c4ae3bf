package dev.gatehouse.web.view;

import dev.gatehouse.application.session.BackchannelLogout;
import dev.gatehouse.application.session.SessionService;
import dev.gatehouse.protocol.session.SsoSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;

/**
 * The browser's side of the SSO session: one cookie, {@code GATEHOUSE_SSO}, holding 256 random bits, made like every
 * Gatehouse cookie ({@link BrowserCookies}: HttpOnly, SameSite=Lax, Secure over HTTPS, Gatehouse's path, the browser
 * session). The session itself is the server's ({@link SessionService}); the value changes at every sign-in.
 */
@ApplicationScoped
public class SsoCookies {
  static final String NAME = "GATEHOUSE_SSO";
  private static final String CURRENT = "gatehouse.sso.current";

  @Inject SessionService sessions;
  @Inject BackchannelLogout backchannel;
  @Inject BrowserCookies cookies;
  @Inject Csrf csrf;

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
   * Signs the user in: the session continues (same user) or a new one starts, and the cookie is set with a new value
   * either way. The CSRF key changes too ({@link Csrf#rotate}), so nothing planted or seen before the sign-in
   * survives it. (Gatehouse keeps no HTTP session that could carry anything over: see {@link
   * dev.gatehouse.protocol.support.Seal}.) When the sign-in ends another user's session in this browser, that
   * session's back-channel notifications stay asynchronous ({@link BackchannelLogout#deliverSoon}): only an
   * RP-initiated logout waits for them.
   */
  public SsoSession signIn(HttpServletRequest request, HttpServletResponse response, String subject,
      String username) {
    SessionService.Started started = sessions.signIn(value(request), subject, username);
    response.addCookie(cookies.make(request, NAME, started.cookieValue(), -1));
    request.setAttribute(CURRENT, Optional.of(started.session()));
    csrf.rotate(request, response);
    if (started.endedAnother()) {
      // Another user's session in this browser ended: tell its clients without making this sign-in wait (unlike
      // an RP-initiated logout, UserLogout, nothing here promises the user that the other clients know yet).
      backchannel.deliverSoon();
    }
    return started.session();
  }

  /** Removes the cookie from the browser. */
  public void clear(HttpServletRequest request, HttpServletResponse response) {
    response.addCookie(cookies.make(request, NAME, "", 0));
    request.setAttribute(CURRENT, Optional.empty());
  }

  /** The cookie value, if the browser sent exactly one. */
  private static Optional<String> value(HttpServletRequest request) {
    List<String> values = BrowserCookies.values(request, NAME);
    return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
  }
}
