package dev.gatehouse.web.view.admin;

import dev.gatehouse.web.view.Csrf;
import dev.gatehouse.web.view.Pages;
import dev.gatehouse.web.view.PasswordSignIn;
import dev.gatehouse.web.view.SignInNotice;
import dev.gatehouse.web.view.SignInTarpit;
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
@WebServlet(value = ConsolePaths.SIGN_IN, asyncSupported = true)
public class ConsoleSignInServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient PasswordSignIn signIn;
  @Inject transient ConsoleAccess access;
  @Inject transient Csrf csrf;
  @Inject transient SignInTarpit tarpit;

  /** An administrator who is already signed in goes on at once; anyone else may sign in (as another user). */
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (access.check(request) == ConsoleAccess.Verdict.ADMINISTRATOR) {
      ConsolePaths.seeOther(request, response, ConsolePaths.safeNext(request.getParameter("next")));
      return;
    }
    request.setAttribute("next", ConsolePaths.safeNext(request.getParameter("next")));
    Pages.signInForm(request, response, csrf, ConsolePaths.SIGN_IN, "", SignInNotice.NONE);
  }

  /** The CSRF token was checked by {@link ConsoleFilter}. */
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    PasswordSignIn.Attempt attempt = signIn.attempt(request, response);
    if (attempt.outcome() == PasswordSignIn.Outcome.SIGNED_IN) {
      ConsolePaths.seeOther(request, response, ConsolePaths.safeNext(request.getParameter("next")));
      return;
    }
    request.setAttribute("next", ConsolePaths.safeNext(request.getParameter("next")));
    Pages.signInForm(request, response, csrf, ConsolePaths.SIGN_IN, PasswordSignIn.field(request, "username"),
        tarpit.holdBack(request, attempt));
  }
}
