package dev.gatehouse.web.view;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.FormBody;
import dev.gatehouse.protocol.request.Parameters;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The authorization request's parameters: the query string (GET) or the query string and the form body (POST),
 * decoded strictly by the protocol's {@link FormBody}. The container's own parser is not used: it silently drops a
 * parameter whose encoding is malformed (a {@code state=%zz} would vanish and the flow would go on without it), where
 * Gatehouse answers {@code invalid_request}. A name in both the query and the body counts as repeated.
 */
final class WebParameters {
  static final int MAX_QUERY_BYTES = 8 * 1024;
  static final int MAX_BODY_BYTES = 16 * 1024;
  /** No authorization parameter needs more; a longer one is refused rather than parked in the session. */
  static final int MAX_VALUE_LENGTH = 4096;

  private WebParameters() {}

  static Map<String, List<String>> read(HttpServletRequest request) throws IOException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    merge(values, FormBody.parse(request.getQueryString(), MAX_QUERY_BYTES));
    if ("POST".equals(request.getMethod())) {
      String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
      if (!type.startsWith("application/x-www-form-urlencoded")) {
        throw new OAuthException(OAuthErrorCode.INVALID_REQUEST,
            "The body must be application/x-www-form-urlencoded", "authorization POST with " + type);
      }
      merge(values, FormBody.parse(request.getInputStream(), MAX_BODY_BYTES));
    }
    return values;
  }

  private static void merge(Map<String, List<String>> into, Parameters parameters) {
    for (String name : parameters.names()) {
      for (String value : parameters.all(name)) {
        if (value.length() > MAX_VALUE_LENGTH) {
          throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "A parameter is too long",
              name + " has " + value.length() + " characters");
        }
      }
      into.computeIfAbsent(name, n -> new ArrayList<>()).addAll(parameters.all(name));
    }
  }
}
