package dev.gatehouse.web.rest;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON bodies of the registration endpoints (RFC 7591 §3.1: "a content type of application/json"): the media type
 * is checked, at most {@link #MAX_BODY_BYTES} are read, and anything but one JSON object is {@code invalid_request}.
 */
final class JsonRequests {

  /** A registration is a few hundred bytes; the largest the metadata rules accept is well below this. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private JsonRequests() {}

  static JsonObject object(HttpHeaders headers, InputStream body) throws IOException {
    FormRequests.requireContentType(headers, MediaType.APPLICATION_JSON_TYPE, "The body must be application/json");
    byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      throw invalid("The body is too large", "body larger than " + MAX_BODY_BYTES + " bytes");
    }
    String text;
    try {
      // RFC 8259 §8.1: "JSON text exchanged between systems that are not part of a closed ecosystem MUST be encoded
      // using UTF-8". Decoded strictly: a malformed byte is an error, not a replacement character.
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw invalid("The body must be one JSON object", "body is not UTF-8");
    }
    try (JsonReader reader = JsonOut.JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      // JsonException for bad syntax, and more: Parsson refuses input nested over 1,000 deep with a bare
      // RuntimeException. Whatever the parser throws on these bytes, the bytes are at fault.
      throw invalid("The body must be one JSON object", ("unreadable JSON: " + e.getClass().getSimpleName() + ": "
          + e.getMessage()).replaceAll("\\p{Cntrl}", "?"));
    }
  }

  private static OAuthException invalid(String description, String detail) {
    return new OAuthException(OAuthErrorCode.INVALID_REQUEST, description, detail);
  }
}
