package dev.gatehouse.web.view.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;

/**
 * What a change hands to the page its redirect leads to (POST-redirect-GET): a notice, and a secret that must be
 * shown exactly once. Both live in the HTTP session (of signed-in administrators only) until that page is shown: each
 * is removed as it is read, so reloading the page, or coming back to it, no longer shows it.
 */
final class Flash {
  static final String NOTICE = "gatehouse.console.notice";
  private static final String SECRET = "gatehouse.console.secret";

  /** A secret just made for a client; never in a log line ({@link #toString()}). */
  record Secret(String clientId, String value) implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
      return "Secret[" + clientId + "]";
    }
  }

  private Flash() {}

  /** A message key the next page shows once, as a status message. */
  static void notice(HttpServletRequest request, String key) {
    request.getSession(true).setAttribute(NOTICE, key);
  }

  static void secret(HttpServletRequest request, String clientId, String value) {
    request.getSession(true).setAttribute(SECRET, new Secret(clientId, value));
  }

  /** The notice left for this page, once: it is gone from the session after this call. */
  static Optional<String> takeNotice(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(NOTICE) instanceof String key)) {
      return Optional.empty();
    }
    session.removeAttribute(NOTICE);
    return Optional.of(key);
  }

  /** The secret made for {@code clientId}, once: it is gone from the session after this call. */
  static Optional<String> takeSecret(HttpServletRequest request, String clientId) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(SECRET) instanceof Secret secret)
        || !secret.clientId().equals(clientId)) {
      return Optional.empty();
    }
    session.removeAttribute(SECRET);
    return Optional.of(secret.value());
  }
}
