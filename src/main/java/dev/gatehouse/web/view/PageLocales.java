package dev.gatehouse.web.view;

import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.FormBody;
import dev.gatehouse.protocol.request.Parameters;
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
 * authorization and end-session endpoints) or from the authorization request parked for sign-in ({@code
 * ?request=…}), never from a POST body, which the servlets parse themselves.
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

  static Locale choose(HttpServletRequest request) {
    List<Locale> preferred = new ArrayList<>();
    for (String tag : uiLocales(request).orElse("").split(" ")) {
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

  private static Optional<String> uiLocales(HttpServletRequest request) {
    try {
      Parameters query = FormBody.parse(request.getQueryString(), WebParameters.MAX_QUERY_BYTES);
      Optional<String> own = query.all("ui_locales").stream().findFirst();
      if (own.isPresent()) {
        return own;
      }
      return query.all("request").stream().findFirst()
          .flatMap(id -> PendingAuthorizations.find(request, id))
          .flatMap(p -> p.parameters().getOrDefault("ui_locales", List.of()).stream().findFirst());
    } catch (OAuthException e) {
      return Optional.empty(); // a malformed query: the servlet will say so; the page is then in the browser's language
    }
  }
}
