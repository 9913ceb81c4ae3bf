package dev.gatehouse.web.view;

import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.FormBody;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of a page: the first supported language of the client's {@code ui_locales} (OpenID Connect Core
 * §3.1.2.1: "End-User's preferred languages and scripts for the user interface ... ordered by preference"), then of
 * the browser's {@code Accept-Language}, then English. {@code ui_locales} is read from the request's own query (the
 * authorization and end-session endpoints) or from the authorization request parked for sign-in ({@link
 * PageHeaders} opens it), never from a POST body, which the servlets parse themselves (the sign-in servlet chooses
 * again once it has opened the parked request).
 *
 * <p>Supported: English and Simplified Chinese. Every Chinese tag is served the Simplified Chinese pages, the closest
 * there are.
 */
public final class PageLocales {
  static final Locale ENGLISH = Locale.ENGLISH;
  static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;
  /** The tags advertised as {@code ui_locales_supported}. */
  public static final List<String> SUPPORTED_TAGS = List.of("en", "zh-CN");

  private PageLocales() {}

  /** The page's language, from {@code uiLocales} (space-separated tags, as sent) and then the browser's. */
  static Locale choose(HttpServletRequest request, Optional<String> uiLocales) {
    List<Locale> preferred = new ArrayList<>();
    for (String tag : uiLocales.orElse("").split(" ")) {
      if (!tag.isBlank()) {
        preferred.add(Locale.forLanguageTag(tag));
      }
    }
    if (request.getHeader("Accept-Language") != null) {
      preferred.addAll(Collections.list(request.getLocales()));
    }
    for (Locale locale : preferred) {
      Optional<Locale> supported = supported(locale);
      if (supported.isPresent()) {
        return supported.get();
      }
    }
    return ENGLISH;
  }

  static Optional<Locale> supported(Locale locale) {
    return switch (locale.getLanguage()) {
      case "en" -> Optional.of(ENGLISH);
      case "zh" -> Optional.of(SIMPLIFIED_CHINESE);
      default -> Optional.empty();
    };
  }

  /** The value of a query parameter of this request ({@code ui_locales}, {@code request}), if it has one. */
  static Optional<String> fromQuery(HttpServletRequest request, String name) {
    try {
      return FormBody.parse(request.getQueryString(), WebParameters.MAX_QUERY_BYTES).all(name).stream().findFirst();
    } catch (OAuthException e) {
      return Optional.empty(); // a malformed query: the servlet will say so; the page is then in the browser's language
    }
  }
}
