package dev.gatehouse.web.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Content-Type grammar the filter holds every server to (RFC 9110 §8.3.1), whatever its JAX-RS parser accepts. */
class MalformedContentTypeFilterTest {

  @Test
  void rfc9110_8_3_1_whenMediaTypeWellFormed_thenItParses() {
    for (String type : List.of("application/x-www-form-urlencoded", "application/json; charset=UTF-8",
        "text/plain;charset=\"utf-8\"", "text/plain; a=\"q\\\"uoted\"", "a/b;;", "a/b ; c=d ;", "*/*")) {
      assertTrue(MalformedContentTypeFilter.MEDIA_TYPE.matcher(type).matches(), type);
    }
  }

  @Test
  void rfc9110_8_3_1_whenMediaTypeMalformed_thenItDoesNotParse() {
    for (String type : List.of("garbage", "a/b;;;=", "application/x-www-form-urlencoded;;;=", "a/b; c", "a/b;=x",
        "/b", "a/", "a/b; c=\"open", "a b/c", "a/b; c=d e")) {
      assertFalse(MalformedContentTypeFilter.MEDIA_TYPE.matcher(type).matches(), type);
    }
  }
}
