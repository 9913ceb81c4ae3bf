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

/**
 * Receives Allow or Deny from the consent page: the parked request, and the CSRF token of this form for the session
 * that is signed in now ({@link Csrf}), so that markup smuggled into another page cannot answer here, and a page
 * shown to someone who signed out meanwhile cannot be answered for whoever signed in after.
 */
@WebServlet(ConsentServlet.PATH)
public class ConsentServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/consent";

  @Inject transient AuthorizationFlow flow;
  @Inject transient PendingAuthorizations pending;
  @Inject transient Csrf csrf;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Optional<SealedRequests.Pending> parked = pending.find(request.getParameter("request"));
    if (!csrf.valid(request, PATH) || parked.isEmpty()) {
      Pages.error(request, response, 403, OAuthErrorCode.ACCESS_DENIED,
          "The form has expired. Go back to the application and start again.");
      return;
    }
    flow.decide(request, response, parked.get(), "allow".equals(request.getParameter("decision")));
  }
}
