package dev.gatehouse.web.view;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Renders the JSP views (under {@code WEB-INF}, reachable only through these forwards). */
public final class Pages {
  private Pages() {}

  public static void render(HttpServletRequest request, HttpServletResponse response, String view)
      throws ServletException, IOException {
    request.getRequestDispatcher("/WEB-INF/jsp/" + view + ".jsp").forward(request, response);
  }

  /** The error page: shown instead of redirecting when the client or redirect URI cannot be trusted. */
  static void error(HttpServletRequest request, HttpServletResponse response, int status, OAuthErrorCode code,
      String description) throws ServletException, IOException {
    response.setStatus(status);
    request.setAttribute("status", status);
    request.setAttribute("error", code.code());
    request.setAttribute("errorDescription", description);
    render(request, response, "error");
  }

  /**
   * The sign-in page, whose form posts {@code username} and {@code password} to {@code action} (a path under the
   * context), with the CSRF token of that action. The caller sets the attributes its own hidden fields need ({@code
   * requestId}, {@code next}).
   */
  public static void signInForm(HttpServletRequest request, HttpServletResponse response, Csrf csrf, String action,
      String username, SignInNotice notice) throws ServletException, IOException {
    signInForm(request, response, csrf, action, username, notice, null);
  }

  /** {@link #signInForm} after an attempt: a 429 says when to try again ({@code Retry-After}, RFC 9110 §10.2.3). */
  public static void signInForm(HttpServletRequest request, HttpServletResponse response, Csrf csrf, String action,
      String username, PasswordSignIn.Attempt attempt) throws ServletException, IOException {
    signInForm(request, response, csrf, action, username, SignInNotice.of(attempt.outcome()), attempt);
  }

  private static void signInForm(HttpServletRequest request, HttpServletResponse response, Csrf csrf, String action,
      String username, SignInNotice notice, PasswordSignIn.Attempt attempt) throws ServletException, IOException {
    response.setStatus(notice.status);
    if (notice.status == 429) {
      long seconds = attempt.retryAfterSeconds();
      response.setHeader("Retry-After", Long.toString(seconds));
      request.setAttribute("noticeArgument", notice == SignInNotice.ADDRESS_LOCKED ? (seconds + 59) / 60 : seconds);
    }
    request.setAttribute("notice", notice.messageKey);
    request.setAttribute("formAction", action);
    request.setAttribute("username", username);
    csrf.offer(request, response);
    render(request, response, "login");
  }

  /**
   * A form that may end in a redirect to the client: CSP {@code form-action} must allow the client's origin too,
   * since browsers apply it to the redirects that follow the form submission ({@link FormTargets#cspSource}).
   */
  static void allowFormRedirectTo(HttpServletResponse response, String redirectUri) {
    String sources = FormTargets.cspSource(redirectUri).map(source -> "'self' " + source).orElse("'self'");
    response.setHeader("Content-Security-Policy", PageHeaders.CSP + "; form-action " + sources);
  }
}
