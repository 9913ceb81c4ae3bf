package dev.gatehouse.web.view.admin;

import dev.gatehouse.application.admin.AccessAdministration;
import dev.gatehouse.application.admin.AccessAdministration.Owner;
import dev.gatehouse.application.admin.AdminUser;
import dev.gatehouse.application.admin.AdministrationException;
import dev.gatehouse.application.admin.Paging;
import dev.gatehouse.application.admin.UserAdministration;
import dev.gatehouse.protocol.admin.AdminActor;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What a user holds, a page at a time, and the end of it: SSO sessions (end one; end all, asked for first), consents
 * (withdraw one) and grants, that is tokens (revoke one), through {@link AccessAdministration}. Each list is its own
 * page of the user's pages ({@code ?id=<subject>}); a change posts the item's id and redirects back to the list.
 */
@WebServlet({"/admin/users/sessions", "/admin/users/end-sessions", "/admin/users/consents", "/admin/users/grants"})
public class UserAccessServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient UserAdministration users;
  @Inject transient AccessAdministration access;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    AdminUser u = UserPages.foundOr404(request, response, users);
    if (u == null) {
      return;
    }
    Paging paging = Pager.requested(request);
    String page = request.getServletPath().substring("/admin/users/".length());
    Paging.Page<?> items = switch (page) {
      case "sessions" -> access.sessions(Owner.USER, u.subject(), paging);
      case "consents" -> access.consents(Owner.USER, u.subject(), paging);
      case "grants" -> access.grants(Owner.USER, u.subject(), paging);
      default -> null;
    };
    if (items == null) {
      Confirmation.ask(request, response, "admin.user.endSessions", u.username(),
          UserPages.path("end-sessions", u.subject()), UserPages.path("sessions", u.subject()));
      return;
    }
    request.setAttribute("items", items.items());
    request.setAttribute("total", items.total());
    Pager.show(request, items, UserPages.path(page, u.subject()) + "&");
    UserPages.render(request, response, u, "user-" + page);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String subject = request.getParameter("id");
    String page = request.getServletPath().substring("/admin/users/".length());
    AdminActor actor = ConsoleAccess.actor(request);
    try {
      switch (page) {
        case "sessions" -> access.endSession(actor, String.valueOf(request.getParameter("sid")));
        case "end-sessions" -> access.endSessionsOf(actor, subject);
        case "consents" -> access.revokeConsent(actor, subject, String.valueOf(request.getParameter("client")));
        default -> access.revokeGrant(actor, String.valueOf(request.getParameter("grant")));
      }
    } catch (AdministrationException e) {
      ConsolePages.cannotChange(request, response, e, UserPages.path("sessions", String.valueOf(subject)));
      return;
    }
    Flash.notice(request, "admin.user." + page + ".done");
    ConsolePaths.seeOther(request, response,
        UserPages.path("end-sessions".equals(page) ? "sessions" : page, String.valueOf(subject)));
  }
}
