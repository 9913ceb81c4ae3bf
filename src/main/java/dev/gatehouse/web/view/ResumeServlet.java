package dev.gatehouse.web.view;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Resumes a parked authorization request after sign-in (a GET, so the browser's back button does no harm). */
@WebServlet("/oauth2/authorize/resume")
public class ResumeServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient AuthorizationFlow flow;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String id = request.getParameter("request");
    var pending = PendingAuthorizations.find(request, id);
    if (pending.isEmpty()) {
      Pages.error(request, response, 400, OAuthErrorCode.INVALID_REQUEST,
          "This sign-in request has expired. Go back to the application and start again.");
      return;
    }
    PendingAuthorizations.remove(request, id);
    flow.proceed(request, response, pending.get().parameters(), pending.get().created());
  }
}
