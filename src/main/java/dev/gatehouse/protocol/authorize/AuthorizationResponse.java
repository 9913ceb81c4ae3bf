package dev.gatehouse.protocol.authorize;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.support.UrlEncoding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the redirect URI of an authorization response, success or error.
 *
 * <p>Parameters are added to the query component with the form-urlencoded format, keeping any query the registered URI
 * already has (RFC 6749 §3.1.2: the endpoint URI "MAY include an "application/x-www-form-urlencoded" formatted ...
 * query component ..., which MUST be retained when adding additional query parameters"). {@code state} is echoed when
 * sent, and {@code iss} is always added (RFC 9207 §2: "In authorization responses to the client, including error
 * responses, an authorization server supporting this specification MUST indicate its identity by including the iss
 * parameter in the response.").
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9207#section-2">RFC 9207 §2</a>
 */
public final class AuthorizationResponse {
  private AuthorizationResponse() {}

  /** The success redirect: {@code code}, {@code state} (when sent) and {@code iss}. */
  public static String success(String redirectUri, String code, Optional<String> state, String issuer) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", Objects.requireNonNull(code, "code"));
    state.ifPresent(value -> params.put("state", value));
    params.put("iss", Objects.requireNonNull(issuer, "issuer"));
    return append(redirectUri, params);
  }

  /**
   * The error redirect: {@code error}, {@code error_description} (when not null), {@code state} (when sent) and {@code
   * iss}.
   */
  public static String error(
      String redirectUri, OAuthErrorCode code, String description, Optional<String> state, String issuer) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", code.code());
    if (description != null) {
      params.put("error_description", safeDescription(description));
    }
    state.ifPresent(value -> params.put("state", value));
    params.put("iss", Objects.requireNonNull(issuer, "issuer"));
    return append(redirectUri, params);
  }

  private static String append(String redirectUri, Map<String, String> params) {
    Objects.requireNonNull(redirectUri, "redirectUri");
    // Registered URIs never have a fragment (RFC 6749 §3.1.2: "The endpoint URI MUST NOT include a fragment
    // component."); should one appear, the parameters still go into the query, before it.
    int hash = redirectUri.indexOf('#');
    String base = hash < 0 ? redirectUri : redirectUri.substring(0, hash);
    String fragment = hash < 0 ? "" : redirectUri.substring(hash);
    StringBuilder uri = new StringBuilder(base);
    if (base.indexOf('?') < 0) {
      uri.append('?');
    } else if (!base.endsWith("?") && !base.endsWith("&")) {
      uri.append('&');
    }
    String separator = "";
    for (Map.Entry<String, String> param : params.entrySet()) {
      uri.append(separator).append(param.getKey()).append('=').append(UrlEncoding.encode(param.getValue()));
      separator = "&";
    }
    return uri.append(fragment).toString();
  }

  /**
   * RFC 6749 §4.1.2.1: "Values for the "error_description" parameter MUST NOT include characters outside the set %x20-21
   * / %x23-5B / %x5D-7E." Any other character is replaced by a space.
   */
  private static String safeDescription(String description) {
    StringBuilder safe = new StringBuilder(description.length());
    for (int i = 0; i < description.length(); i++) {
      char c = description.charAt(i);
      boolean allowed = (c >= 0x20 && c <= 0x21) || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
      safe.append(allowed ? c : ' ');
    }
    return safe.toString();
  }
}
