package dev.gatehouse.protocol.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UrlEncodingTest {

  @Test
  void rfc6749_appendixB_whenPlusAndEscapes_thenDecoded() {
    assertEquals("a b:c/é", UrlEncoding.decode("a+b%3Ac%2F%C3%A9"));
  }

  @Test
  void rfc6749_appendixB_whenEncodedThenDecoded_thenRoundTrip() {
    String value = "id with spaces:and&odd=chars/é+%";
    assertEquals(value, UrlEncoding.decode(UrlEncoding.encode(value)));
    assertEquals("a+b%3Ac", UrlEncoding.encode("a b:c"));
  }

  @Test
  void rfc6749_appendixB_whenEscapeMalformedOrTruncated_thenRefused() {
    assertThrows(IllegalArgumentException.class, () -> UrlEncoding.decode("%ZZ"));
    assertThrows(IllegalArgumentException.class, () -> UrlEncoding.decode("abc%4"));
    assertThrows(IllegalArgumentException.class, () -> UrlEncoding.decode("abc%"));
  }

  @Test
  void rfc6749_appendixB_whenInvalidUtf8_thenRefusedNotReplaced() {
    assertThrows(IllegalArgumentException.class, () -> UrlEncoding.decode("%C3%28"));
    assertThrows(IllegalArgumentException.class, () -> UrlEncoding.decode("%FF"));
  }
}
