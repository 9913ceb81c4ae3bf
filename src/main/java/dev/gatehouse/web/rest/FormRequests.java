package dev.gatehouse.web.rest;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.FormBody;
import dev.gatehouse.protocol.request.Parameters;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * What the token, introspection and revocation endpoints share at the edge: the body must be
 * {@code application/x-www-form-urlencoded} (RFC 6749 §3.2, RFC 7662 §2.1, RFC 7009 §2.1), is read at most once and at
 * most {@link #MAX_BODY_BYTES}, and decoded strictly; a request header that matters may appear once only.
 */
final class FormRequests {

  /** These requests are a few hundred bytes; anything above this is refused before it is parsed. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  private FormRequests() {}

  static Parameters form(HttpHeaders headers, InputStream body) throws IOException {
    requireContentType(headers, MediaType.APPLICATION_FORM_URLENCODED_TYPE,
        "The body must be application/x-www-form-urlencoded");
    return FormBody.parse(body.readNBytes(MAX_BODY_BYTES + 1), MAX_BODY_BYTES);
  }

  /** {@code invalid_request} with {@code description} unless the body is declared as {@code expected}. */
  static void requireContentType(HttpHeaders headers, MediaType expected, String description) {
    Optional<String> type = header(headers, HttpHeaders.CONTENT_TYPE);
    MediaType media;
    try {
      media = type.map(MediaType::valueOf).orElse(null);
    } catch (IllegalArgumentException e) {
      media = null;
    }
    if (media == null || !media.isCompatible(expected) || media.isWildcardType() || media.isWildcardSubtype()) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, description, "content type " + type.orElse("(none)"));
    }
  }

  static Optional<String> header(HttpHeaders headers, String name) {
    List<String> values = headers.getRequestHeader(name);
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "A request header is repeated",
          name + " header repeated");
    }
    return Optional.of(values.get(0));
  }

  static OAuthException postOnly(String endpoint) {
    return new OAuthException(OAuthErrorCode.INVALID_REQUEST, "This endpoint accepts POST only",
        "GET on the " + endpoint + " endpoint");
  }
}
