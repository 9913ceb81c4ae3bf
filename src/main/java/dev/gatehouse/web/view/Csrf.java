package dev.gatehouse.web.view;

import dev.gatehouse.protocol.support.ConstantTime;
import dev.gatehouse.protocol.support.RandomTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Synchroniser-token CSRF protection for the login and consent forms: one random token per session, sent back in a
 * hidden field and compared in constant time. SameSite=Lax on the session cookie is a second layer.
 */
final class Csrf {
  static final String FIELD = "csrf";
  private static final String ATTRIBUTE = "gatehouse.csrf";

  private Csrf() {}

  static String token(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    String token = (String) session.getAttribute(ATTRIBUTE);
    if (token == null) {
      token = RandomTokens.generate();
      session.setAttribute(ATTRIBUTE, token);
    }
    return token;
  }

  static boolean valid(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String[] sent = request.getParameterValues(FIELD);
    return session != null && sent != null && sent.length == 1
        && ConstantTime.equals(sent[0], (String) session.getAttribute(ATTRIBUTE));
  }
}
