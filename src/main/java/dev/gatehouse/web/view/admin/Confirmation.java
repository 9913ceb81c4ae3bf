package dev.gatehouse.web.view.admin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The confirmation step before a destructive action (delete a client, rotate its secret, disable a user, end all of a
 * user's sessions): a page that says what will happen, whose button POSTs the action (with the CSRF token), and a
 * way back that changes nothing. A GET never changes anything.
 */
final class Confirmation {
  private Confirmation() {}

  /**
   * @param key the message keys {@code key.heading} (with {@code subject} as {0}), {@code key.explain} and {@code
   *     key.confirm} (the button)
   * @param action the console path the confirmation posts to
   * @param back the console path of the way back
   */
  static void ask(HttpServletRequest request, HttpServletResponse response, String key, String subject,
      String action, String back) throws ServletException, IOException {
    request.setAttribute("confirmKey", key);
    request.setAttribute("confirmSubject", subject);
    request.setAttribute("confirmAction", action);
    request.setAttribute("confirmBack", back);
    ConsolePages.render(request, response, "confirm");
  }
}
