package dev.gatehouse.web.view;

import dev.gatehouse.protocol.authorize.SealedRequests;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** Resumes a parked authorization request after sign-in (a GET, so the browser's back button does no harm). */
@WebServlet(ResumeServlet.PATH)
public class ResumeServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/oauth2/authorize/resume";

  @Inject transient AuthorizationFlow flow;
  @Inject transient PendingAuthorizations pending;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Optional<SealedRequests.Pending> parked = pending.find(request.getParameter("request"));
    if (parked.isEmpty()) {
      Pages.error(request, response, 400, OAuthErrorCode.INVALID_REQUEST,
          "This sign-in request has expired. Go back to the application and start again.");
      return;
    }
    flow.proceed(request, response, parked.get().parameters(), parked.get().arrived());
  }
}
