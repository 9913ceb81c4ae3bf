package dev.gatehouse.web.view;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The request's parameters (query, and form body on POST), read once, with limits on count and length. */
final class WebParameters {
  static final int MAX_PARAMETERS = 100;
  static final int MAX_VALUE_LENGTH = 4096;

  private WebParameters() {}

  static Map<String, List<String>> read(HttpServletRequest request) {
    Map<String, String[]> raw;
    try {
      raw = request.getParameterMap();
    } catch (RuntimeException malformed) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "The request parameters are malformed",
          "parameter parsing failed: " + malformed.getClass().getSimpleName());
    }
    if (raw.size() > MAX_PARAMETERS) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "Too many parameters", raw.size() + " parameters");
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> e : raw.entrySet()) {
      for (String v : e.getValue()) {
        if (v.length() > MAX_VALUE_LENGTH) {
          throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "A parameter is too long",
              e.getKey() + " has " + v.length() + " characters");
        }
      }
      values.put(e.getKey(), Arrays.asList(e.getValue()));
    }
    return values;
  }
}
