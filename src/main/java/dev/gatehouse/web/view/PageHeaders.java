package dev.gatehouse.web.view;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.jsp.jstl.core.Config;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Headers for every page a browser sees: no framing (clickjacking on the consent page), a strict content security
 * policy (no scripts at all), no caching, no referrer (codes must not leak through Referer), no MIME sniffing. It also
 * chooses the page's language ({@link PageLocales}) for the JSPs' {@code fmt:message}, and hands them the {@link
 * Brand}.
 */
@WebFilter(asyncSupported = true, urlPatterns = {
    "/", "/index", "/oauth2/authorize", "/oauth2/authorize/*", "/oauth2/logout", "/login", "/consent", "/demo/*"})
public class PageHeaders extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject transient Brand brand;
  @Inject transient PendingAuthorizations pending;

  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
      + "frame-ancestors 'none'";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    apply(request, response, brand);
    Optional<String> uiLocales = PageLocales.fromQuery(request, "ui_locales")
        .or(() -> PageLocales.fromQuery(request, "request").flatMap(pending::find)
            .flatMap(p -> p.parameters().getOrDefault("ui_locales", List.of()).stream().findFirst()));
    useLanguage(request, response, uiLocales);
    chain.doFilter(request, response);
  }

  /** Sets the headers, the language and the brand for a page (also for the admin console's own filter). */
  public static void apply(HttpServletRequest request, HttpServletResponse response, Brand brand) {
    response.setHeader("Content-Security-Policy", CSP + "; form-action 'self'");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    request.setAttribute("brand", brand);
    useLanguage(request, response, PageLocales.fromQuery(request, "ui_locales"));
  }

  /** The page's language ({@link PageLocales}), from {@code uiLocales} and then the browser's. */
  public static void useLanguage(HttpServletRequest request, HttpServletResponse response,
      Optional<String> uiLocales) {
    Locale locale = PageLocales.choose(request, uiLocales);
    Config.set(request, Config.FMT_LOCALE, locale);
    request.setAttribute("lang", locale.toLanguageTag());
    response.setHeader("Content-Language", locale.toLanguageTag());
  }
}
