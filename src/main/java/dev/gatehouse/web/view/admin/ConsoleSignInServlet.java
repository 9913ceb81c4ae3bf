package dev.gatehouse.web.view.admin;

import dev.gatehouse.web.view.Pages;
import dev.gatehouse.web.view.PasswordSignIn;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's way in: Gatehouse's own sign-in page, posting here instead of to the authorization flow's {@code
 * /login}. A successful sign-in starts (or continues) the same SSO session as any other, through the same {@link
 * PasswordSignIn} with its throttling, then returns to the console page that asked for it; whether that user may use
 * the console is {@link ConsoleFilter}'s question on the next request. The authorization flow's checks are untouched:
 * this page parks no authorization request and issues no code.
 */
@WebServlet(ConsolePaths.SIGN_IN)
public class ConsoleSignInServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient PasswordSignIn signIn;
  @Inject transient ConsoleAccess access;

  /** An administrator who is already signed in goes on at once; anyone else may sign in (as another user). */
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (access.check(request) == ConsoleAccess.Verdict.ADMINISTRATOR) {
      ConsolePaths.seeOther(request, response, ConsolePaths.safeNext(request.getParameter("next")));
      return;
    }
    show(request, response, "", false);
  }

  /** The CSRF token was checked by {@link ConsoleFilter}. */
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    switch (signIn.attempt(request, response)) {
      case SIGNED_IN -> ConsolePaths.seeOther(request, response,
          ConsolePaths.safeNext(request.getParameter("next")));
      case REFUSED -> show(request, response, PasswordSignIn.field(request, "username"), true);
      case INTERRUPTED -> response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
  }

  private void show(HttpServletRequest request, HttpServletResponse response, String username, boolean failed)
      throws ServletException, IOException {
    request.setAttribute("next", ConsolePaths.safeNext(request.getParameter("next")));
    Pages.signInForm(request, response, ConsolePaths.SIGN_IN, username, failed);
  }
}
