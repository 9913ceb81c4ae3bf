package dev.gatehouse.protocol.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {

  @Test
  void whenValueIsPlain_thenItIsUnchanged() {
    String plain = "client it-basic -> invalid_grant: code unknown (ünïcödé 中文 😀)";
    assertSame(plain, LogText.of(plain));
  }

  @Test
  void whenValueHasLineBreaks_thenTheyAreEscapedAndTheValueStaysOnOneLine() {
    String forged = "x\n[2026-12-03T13:00:00.000+0000] [] [INFO] [] [dev.gatehouse.audit] {\"id\":\"1\"}\r\u0085\u2028\u2029";
    String text = LogText.of(forged);
    assertEquals("x\\u000a[2026-12-03T13:00:00.000+0000] [] [INFO] [] [dev.gatehouse.audit] {\"id\":\"1\"}"
        + "\\u000d\\u0085\\u2028\\u2029", text);
    assertTrue(text.chars().noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)), text);
  }

  @Test
  void whenValueHasTabsDelAndBidiControls_thenEscaped() {
    assertEquals("a\\u0009b\\u007fc\\u202ed\\u2066e", LogText.of("a\tb\u007fc\u202ed\u2066e"));
  }

  @Test
  void whenValueHasAnUnpairedSurrogate_thenEscapedButPairsKept() {
    assertEquals("\\ud800x😀", LogText.of("\ud800x😀"));
    assertEquals("x\\udc00", LogText.of("x\udc00"));
  }

  @Test
  void whenValueAlreadyHoldsEscapes_thenBackslashesAreKept() {
    assertEquals("{\"u\":\"a\\nb\"}", LogText.of("{\"u\":\"a\\nb\"}"));
  }

  @Test
  void whenValueIsTooLong_thenCutAndTheRestCounted() {
    String text = LogText.of("a".repeat(LogText.MAX_LENGTH + 10) + "\n");
    assertTrue(text.startsWith("a".repeat(LogText.MAX_LENGTH) + "…(11 more characters)"), text);
    assertFalse(text.contains("\n"));
  }

  @Test
  void whenValueIsNull_thenNullText() {
    assertEquals("null", LogText.of(null));
  }
}
