package dev.gatehouse.web.rest.admin;

import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a request body of the admin API as one JSON object, refusing everything else as a problem the caller can
 * fix: a body that is not {@code application/json} (415), larger than {@value #MAX_BYTES} bytes (413), not UTF-8,
 * not JSON, JSON with a member named twice, or not an object (400). Reading it here, rather than through a JAX-RS
 * entity provider, is what keeps each of these a 4xx problem and never a framework error page or a 500.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8259#section-8.1">RFC 8259 §8.1 (UTF-8)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8259#section-4">RFC 8259 §4 (names SHOULD be unique)</a>
 */
final class JsonBody {
  /** Larger than any registration or user: 20 URIs of 2,000 characters fit with room to spare. */
  static final int MAX_BYTES = 64 * 1024;

  /** JSON-P 2.1: {@code KeyStrategy.NONE} makes a duplicate member name a parse error, not "last one wins". */
  private static final JsonReaderFactory READERS = Problems.JSON.createReaderFactory(
      Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

  private JsonBody() {}

  static JsonObject read(String contentType, InputStream body) {
    if (!isJson(contentType)) {
      throw new ProblemException(415, "The body must be application/json");
    }
    String text = utf8(bytes(body));
    JsonValue value;
    try (JsonReader reader = READERS.createReader(new StringReader(text))) {
      value = reader.readValue();
    } catch (RuntimeException e) { // JsonException, and whatever else a parser may throw on hostile input
      throw new ProblemException(400, "The body is not well-formed JSON, or names a member twice");
    }
    if (!(value instanceof JsonObject object)) {
      throw new ProblemException(400, "The body must be a JSON object");
    }
    return object;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.valueOf(contentType);
      String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
      return type.getType().equalsIgnoreCase("application")
          && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json"))
          && (charset == null || charset.equalsIgnoreCase("utf-8"));
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private static byte[] bytes(InputStream body) {
    try {
      byte[] bytes = body.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new ProblemException(413, "The body is larger than " + MAX_BYTES + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new ProblemException(400, "The body could not be read");
    }
  }

  /** RFC 8259 §8.1: JSON exchanged between systems "MUST be encoded using UTF-8"; anything else is refused. */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ProblemException(400, "The body is not UTF-8");
    }
  }
}
