package dev.gatehouse.web.view.admin;

import dev.gatehouse.application.admin.AdministrationException;
import dev.gatehouse.web.view.Pages;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Renders the console's JSPs ({@code WEB-INF/jsp/admin}); their forms' CSRF tokens were offered by {@link
 * ConsoleFilter}, and a notice left by the change before (POST-redirect-GET) is shown once.
 */
final class ConsolePages {
  private ConsolePages() {}

  static void render(HttpServletRequest request, HttpServletResponse response, String view)
      throws ServletException, IOException {
    Flash.takeNotice(request).ifPresent(key -> request.setAttribute("consoleNotice", key));
    Pages.render(request, response, "admin/" + view);
  }

  /** 403, with the reason named by a message key: no role, or a form without its CSRF token. */
  static void refused(HttpServletRequest request, HttpServletResponse response, String reasonKey)
      throws ServletException, IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    request.setAttribute("reasonKey", reasonKey);
    render(request, response, "refused");
  }

  /**
   * A change the service would not make: 404 for what does not exist (any more), else back to {@code back} with a
   * notice that nothing was changed (a client_id taken meanwhile, a directory's user, a public client's secret).
   */
  static void cannotChange(HttpServletRequest request, HttpServletResponse response, AdministrationException e,
      String back) throws ServletException, IOException {
    if (e.kind() == AdministrationException.Kind.NOT_FOUND) {
      notFound(request, response);
    } else {
      Flash.notice(request, "admin.conflict");
      ConsolePaths.seeOther(request, response, back);
    }
  }

  /** 404 in the console's own layout: the client or user asked for does not exist (any more). */
  static void notFound(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    render(request, response, "not-found");
  }
}
