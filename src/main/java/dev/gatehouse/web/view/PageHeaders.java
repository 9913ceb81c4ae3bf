package dev.gatehouse.web.view;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers for every page a browser sees: no framing (clickjacking on the consent page), a strict content security
 * policy (no scripts at all), no caching, no referrer (codes must not leak through Referer), no MIME sniffing.
 */
@WebFilter(urlPatterns = {
    "/", "/index", "/oauth2/authorize", "/oauth2/authorize/*", "/oauth2/logout", "/login", "/consent", "/demo/*"})
public class PageHeaders extends HttpFilter {
  private static final long serialVersionUID = 1L;

  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
      + "frame-ancestors 'none'";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", CSP + "; form-action 'self'");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    chain.doFilter(request, response);
  }
}
