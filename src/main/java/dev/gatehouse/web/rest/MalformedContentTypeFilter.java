package dev.gatehouse.web.rest;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * A {@code Content-Type} header that does not parse ({@code garbage}, {@code a/b;;;=}) is a malformed request like
 * any other: the JSON endpoints answer it with the RFC 6749 §5.2 {@code invalid_request}. This has to be a servlet
 * filter: Jersey's servlet container rejects such a header before any JAX-RS filter or exception mapper runs, and the
 * server would write its own HTML error page. The admin API answers it as its other errors, an RFC 9457 problem.
 */
@WebFilter(urlPatterns = {"/oauth2/*", "/.well-known/*", "/admin/api/*"})
public class MalformedContentTypeFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/oauth2/authorize")
        && !parses(request)) {
      boolean admin = request.getRequestURI().startsWith(request.getContextPath() + "/admin/api/");
      byte[] body = (admin
          ? JsonOut.JSON.createObjectBuilder().add("type", "about:blank").add("title", "Bad Request")
              .add("status", 400).add("detail", "The Content-Type header is malformed")
          : JsonOut.JSON.createObjectBuilder().add("error", OAuthErrorCode.INVALID_REQUEST.code())
              .add("error_description", "The Content-Type header is malformed"))
          .build().toString().getBytes(StandardCharsets.UTF_8);
      response.setStatus(400);
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Pragma", "no-cache");
      response.setHeader("Connection", "close");
      response.setContentType(admin ? "application/problem+json" : "application/json");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean parses(HttpServletRequest request) {
    for (String type : Collections.list(request.getHeaders("Content-Type"))) {
      try {
        MediaType.valueOf(type);
      } catch (IllegalArgumentException malformed) {
        return false;
      }
    }
    return true;
  }
}
