package dev.gatehouse.web.view.admin;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.web.view.Brand;
import dev.gatehouse.web.view.Csrf;
import dev.gatehouse.web.view.PageHeaders;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's gate, before every servlet under {@code /admin} except the admin REST API ({@code /admin/api}, which
 * has bearer tokens and its own filter, and is passed through untouched):
 * <ol>
 *   <li>the pages' security headers, language and brand ({@link PageHeaders#apply}: no scripts, no framing, no
 *       caching, so no page that showed a secret stays in the browser's cache);</li>
 *   <li>every POST carries the CSRF token of its own action (the servlet path it posts to) for the session signed
 *       in now ({@link Csrf}), or it is refused with 403 and changes nothing; every page gets the tokens of its
 *       forms as {@code ${csrf['/admin/…']}};</li>
 *   <li>except on the sign-in page: a signed-in Gatehouse SSO session, else a redirect to the console's sign-in and
 *       back; its user must hold the role {@code gatehouse-admin} and not be disabled, else 403. This is looked up
 *       again on every request ({@link ConsoleAccess}), so a user who loses the role, is disabled or whose session is
 *       ended loses the console at their next click.</li>
 * </ol>
 * It also opens the note the change before left for this page ({@link Flash}).
 */
@WebFilter(value = "/admin/*", asyncSupported = true)
public class ConsoleFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final SafeLog LOG = SafeLog.of(ConsoleFilter.class);

  @Inject transient Brand brand;
  @Inject transient ConsoleAccess access;
  @Inject transient Csrf csrf;
  @Inject transient Flash flash;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (ConsolePaths.isApi(request)) {
      chain.doFilter(request, response);
      return;
    }
    PageHeaders.apply(request, response, brand);
    flash.begin(request, response);
    String action = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if ("POST".equals(request.getMethod()) && !csrf.valid(request, action)) {
      LOG.info("console POST to {} refused: missing or wrong CSRF token", action);
      csrf.offer(request, response);
      ConsolePages.refused(request, response, "admin.refused.csrf");
      return;
    }
    if (ConsolePaths.SIGN_IN.equals(request.getServletPath())) {
      csrf.offer(request, response);
      chain.doFilter(request, response);
      return;
    }
    switch (access.check(request)) {
      case SIGNED_OUT -> ConsolePaths.seeOther(request, response,
          ConsolePaths.signInFor("GET".equals(request.getMethod()) ? ConsolePaths.current(request)
              : ConsolePaths.HOME));
      case FORBIDDEN -> ConsolePages.refused(request, response, "admin.refused.role");
      case ADMINISTRATOR -> {
        request.setAttribute("section", request.getServletPath().startsWith("/admin/users") ? "users" : "clients");
        csrf.offer(request, response);
        chain.doFilter(request, response);
      }
    }
  }
}
