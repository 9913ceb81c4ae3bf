package dev.gatehouse.web.view.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console's own addresses: where to go back to after sign-in, and the redirect after a change.
 *
 * <p>The page to return to after sign-in travels in a form field, so it is accepted only when it is a console path
 * of this server ({@code /admin}, optionally followed by a path and a query of plain URL characters): never an
 * absolute URL, a scheme-relative {@code //host}, a backslash or a dot segment, so the sign-in cannot become an open
 * redirect (RFC 9700 §4.11).
 */
final class ConsolePaths {
  static final String HOME = "/admin/";
  static final String SIGN_IN = "/admin/sign-in";
  static final String API = "/admin/api";
  private static final Pattern SAFE_NEXT = Pattern.compile("/admin(/[A-Za-z0-9._~/-]*)?(\\?[A-Za-z0-9._~=&%+-]*)?");
  private static final int MAX_NEXT = 512;

  private ConsolePaths() {}

  /**
   * Whether the request is for the admin REST API, which shares the {@code /admin} prefix but not the console's gate.
   * Decided by the servlet it is mapped to (the container's decoded, normalised path), never by the raw URI, so that
   * no {@code /admin/api/../users} can reach a console page around the gate.
   */
  static boolean isApi(HttpServletRequest request) {
    String path = request.getServletPath();
    return path.equals(API) || path.startsWith(API + "/");
  }

  /** {@code next} if it is a safe console path, else the console's home. */
  static String safeNext(String next) {
    return next != null && next.length() <= MAX_NEXT && SAFE_NEXT.matcher(next).matches() && !next.contains("//")
        && !next.contains("..") ? next : HOME;
  }

  /** The path and query of this request under the context, to come back to after sign-in. */
  static String current(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return safeNext(Optional.ofNullable(request.getQueryString()).map(q -> path + "?" + q).orElse(path));
  }

  static String signInFor(String next) {
    return SIGN_IN + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
  }

  /**
   * 303 See Other to a console path (RFC 9110 §15.4.4): the browser follows with a GET, so reloading the page that
   * follows a change never repeats the change (POST-redirect-GET).
   */
  static void seeOther(HttpServletRequest request, HttpServletResponse response, String path) {
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + path);
  }

  /** A query parameter value for a console path. */
  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
