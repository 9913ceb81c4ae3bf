package dev.gatehouse.web.view;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Receives Allow or Deny from the consent page (CSRF-checked, one answer per parked request). */
@WebServlet("/consent")
public class ConsentServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient AuthorizationFlow flow;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String id = request.getParameter("request");
    var pending = PendingAuthorizations.find(request, id);
    if (!Csrf.valid(request) || pending.isEmpty()) {
      Pages.error(request, response, 403, OAuthErrorCode.ACCESS_DENIED,
          "The form has expired. Go back to the application and start again.");
      return;
    }
    PendingAuthorizations.remove(request, id);
    flow.decide(request, response, pending.get(), "allow".equals(request.getParameter("decision")));
  }
}
