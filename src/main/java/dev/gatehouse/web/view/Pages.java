package dev.gatehouse.web.view;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

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
   * context). {@code failed}: the last attempt was refused (401, one message whatever the reason). The caller sets
   * the attributes its own hidden fields need ({@code requestId}, {@code next}).
   */
  public static void signInForm(HttpServletRequest request, HttpServletResponse response, String action,
      String username, boolean failed) throws ServletException, IOException {
    response.setStatus(failed ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_OK);
    request.setAttribute("formAction", action);
    request.setAttribute("username", username);
    request.setAttribute("failed", failed);
    request.setAttribute("csrf", Csrf.token(request));
    render(request, response, "login");
  }

  /**
   * A form that may end in a redirect to the client: CSP {@code form-action} must allow the client's origin too,
   * since browsers apply it to the redirects that follow the form submission.
   */
  static void allowFormRedirectTo(HttpServletResponse response, String redirectUri) {
    URI uri = URI.create(redirectUri);
    String origin = uri.getScheme() + "://" + uri.getRawAuthority();
    response.setHeader("Content-Security-Policy", PageHeaders.CSP + "; form-action 'self' " + origin);
  }
}
