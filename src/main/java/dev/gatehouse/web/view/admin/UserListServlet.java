package dev.gatehouse.web.view.admin;

import dev.gatehouse.application.admin.AdminUser;
import dev.gatehouse.application.admin.Paging;
import dev.gatehouse.application.admin.UserAdministration;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The users, a page at a time ({@link Pager}), or those whose username, name or email contains {@code ?q=} (the
 * service's search; a longer text than it takes is cut to its limit).
 */
@WebServlet("/admin/users")
public class UserListServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient UserAdministration users;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String q = FormState.text(request, "q");
    if (q != null && q.length() > UserAdministration.MAX_QUERY) {
      q = q.substring(0, UserAdministration.MAX_QUERY);
    }
    Paging.Page<AdminUser> page = users.list(q, Pager.requested(request));
    request.setAttribute("q", q);
    request.setAttribute("users", page.items());
    request.setAttribute("total", page.total());
    Pager.show(request, page, "/admin/users?" + (q == null ? "" : "q=" + ConsolePaths.enc(q) + "&"));
    ConsolePages.render(request, response, "users");
  }
}
