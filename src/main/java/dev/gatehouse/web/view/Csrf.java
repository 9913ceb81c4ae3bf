package dev.gatehouse.web.view;

import dev.gatehouse.protocol.support.ConstantTime;
import dev.gatehouse.protocol.support.RandomTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;

/**
 * Synchroniser-token CSRF protection for the login, consent and admin console forms: one random token per session,
 * sent back in a hidden field and compared in constant time. SameSite=Lax on the session cookie is a second layer.
 */
public final class Csrf {
  public static final String FIELD = "csrf";
  private static final String ATTRIBUTE = "gatehouse.csrf";

  private Csrf() {}

  public static String token(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    String token = (String) session.getAttribute(ATTRIBUTE);
    if (token == null) {
      token = RandomTokens.generate();
      session.setAttribute(ATTRIBUTE, token);
    }
    return token;
  }

  public static boolean valid(HttpServletRequest request) {
    String[] sent = request.getParameterValues(FIELD);
    return valid(request, sent == null ? List.of() : List.of(sent));
  }

  /** For a servlet that parsed the body itself: {@code sent} are the values of the {@code csrf} field. */
  static boolean valid(HttpServletRequest request, List<String> sent) {
    HttpSession session = request.getSession(false);
    return session != null && sent.size() == 1
        && ConstantTime.equals(sent.get(0), (String) session.getAttribute(ATTRIBUTE));
  }
}
