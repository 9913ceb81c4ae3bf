package dev.gatehouse.web.view;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * Who is signed in to this browser: kept in the HTTP session, whose id changes at sign-in (no session fixation). The
 * session cookie is HttpOnly, SameSite=Lax and cookie-only ({@code web.xml}).
 */
record LoginSession(String subject, String username, long authTimeMillis) implements Serializable {
  private static final String ATTRIBUTE = "gatehouse.login";

  Instant authTime() {
    return Instant.ofEpochMilli(authTimeMillis);
  }

  static Optional<LoginSession> current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? Optional.empty()
        : Optional.ofNullable((LoginSession) session.getAttribute(ATTRIBUTE));
  }

  static void signIn(HttpServletRequest request, String subject, String username, Instant now) {
    request.getSession(true);
    request.changeSessionId();
    request.getSession().setAttribute(ATTRIBUTE, new LoginSession(subject, username, now.toEpochMilli()));
  }
}
