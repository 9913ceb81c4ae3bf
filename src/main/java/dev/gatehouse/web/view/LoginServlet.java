package dev.gatehouse.web.view;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The sign-in page for a parked authorization request. On success the session id changes and the request resumes;
 * on failure the same page and message whatever was wrong (no username enumeration). The attempt itself, with its
 * sign-in protection, is {@link PasswordSignIn}'s.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient PasswordSignIn signIn;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    // OpenID Connect Core §3.1.2.1: login_hint "MAY" prefill the sign-in form.
    String id = request.getParameter("request");
    String hint = PendingAuthorizations.find(request, id)
        .map(p -> p.parameters().getOrDefault("login_hint", List.of()))
        .filter(values -> values.size() == 1 && values.get(0).length() <= PasswordSignIn.MAX_FIELD)
        .map(values -> values.get(0))
        .orElse("");
    show(request, response, id, hint, false);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String id = request.getParameter("request");
    if (!Csrf.valid(request)) {
      Pages.error(request, response, 403, OAuthErrorCode.ACCESS_DENIED,
          "The form has expired. Go back to the application and start again.");
      return;
    }
    switch (signIn.attempt(request, response)) {
      case SIGNED_IN -> response.sendRedirect(request.getContextPath() + "/oauth2/authorize/resume?request="
          + URLEncoder.encode(id, StandardCharsets.UTF_8));
      case REFUSED -> show(request, response, id, PasswordSignIn.field(request, "username"), true);
      case INTERRUPTED -> response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
  }

  private void show(HttpServletRequest request, HttpServletResponse response, String id, String username,
      boolean failed) throws ServletException, IOException {
    if (PendingAuthorizations.find(request, id).isEmpty()) {
      Pages.error(request, response, 400, OAuthErrorCode.INVALID_REQUEST,
          "This sign-in request has expired. Go back to the application and start again.");
      return;
    }
    request.setAttribute("requestId", id);
    Pages.signInForm(request, response, "/login", username, failed);
  }
}
