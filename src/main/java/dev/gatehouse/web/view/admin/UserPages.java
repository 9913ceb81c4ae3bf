package dev.gatehouse.web.view.admin;

import dev.gatehouse.application.admin.AdminUser;
import dev.gatehouse.application.admin.UserAdministration;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** What the pages of one user share: finding the user named by {@code ?id=}, and its paths. */
final class UserPages {
  private UserPages() {}

  static Optional<AdminUser> find(HttpServletRequest request, UserAdministration users) {
    return Optional.ofNullable(request.getParameter("id")).flatMap(users::get);
  }

  /** The user named by {@code ?id=}, or null after answering 404. */
  static AdminUser foundOr404(HttpServletRequest request, HttpServletResponse response, UserAdministration users)
      throws ServletException, IOException {
    Optional<AdminUser> user = find(request, users);
    if (user.isEmpty()) {
      ConsolePages.notFound(request, response);
    }
    return user.orElse(null);
  }

  /** {@code /admin/users/<page>?id=<subject>}. */
  static String path(String page, String subject) {
    return "/admin/users/" + page + "?id=" + ConsolePaths.enc(subject);
  }

  /** A page about {@code user} (the JSP's {@code user}, and the tabs of the user pages). */
  static void render(HttpServletRequest request, HttpServletResponse response, AdminUser user, String view)
      throws ServletException, IOException {
    request.setAttribute("user", user);
    request.setAttribute("userTab", view);
    ConsolePages.render(request, response, view);
  }
}
