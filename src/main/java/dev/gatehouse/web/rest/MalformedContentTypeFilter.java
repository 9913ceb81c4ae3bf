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
import java.util.regex.Pattern;

/**
 * A {@code Content-Type} header that does not parse ({@code garbage}, {@code a/b;;;=}) is a malformed request like
 * any other: the JSON endpoints answer it with the RFC 6749 §5.2 {@code invalid_request}. This has to be a servlet
 * filter: Jersey's servlet container rejects such a header before any JAX-RS filter or exception mapper runs, and the
 * server would write its own HTML error page. The admin API answers it as its other errors, an RFC 9457 problem.
 *
 * <p>What parses is decided here, by the grammar of RFC 9110 §8.3.1, not by the JAX-RS implementation alone: RESTEasy
 * (WildFly) accepts {@code a/b;;;=}, which Jersey refuses, and would go on to a 415 or read the body as a form.
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
      if (!MEDIA_TYPE.matcher(type).matches()) {
        return false;
      }
      try {
        MediaType.valueOf(type);
      } catch (IllegalArgumentException malformed) {
        return false;
      }
    }
    return true;
  }

  /** RFC 9110 §5.6.2 token: the characters a type, subtype or parameter name is made of. */
  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
  /** RFC 9110 §5.6.4 quoted-string (qdtext and quoted-pair; obs-text allowed). */
  private static final String QUOTED = "\"(?:[\\t \\x21\\x23-\\x5B\\x5D-\\x7E\\x80-\\xFF]|\\\\[\\t \\x21-\\x7E\\x80-\\xFF])*\"";

  /**
   * RFC 9110 §8.3.1 media-type = type "/" subtype parameters; §5.6.6 parameters = *( OWS ";" OWS [ parameter ] ),
   * parameter = token "=" ( token / quoted-string ). An empty parameter ({@code ;;}) is allowed, a nameless one
   * ({@code ;=}) is not.
   */
  static final Pattern MEDIA_TYPE = Pattern.compile(
      "[ \\t]*" + TOKEN + "/" + TOKEN + "(?:[ \\t]*;[ \\t]*(?:" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))?)*[ \\t]*");
}
