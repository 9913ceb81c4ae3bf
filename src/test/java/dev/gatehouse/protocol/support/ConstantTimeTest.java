package dev.gatehouse.protocol.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConstantTimeTest {

  @Test
  void rfc7636_4_6_whenSameValue_thenEqual() {
    assertTrue(ConstantTime.equals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
  }

  @Test
  void rfc7636_4_6_whenValuesDifferInOneCharacterOrLength_thenNotEqual() {
    assertFalse(ConstantTime.equals("abcdef", "abcdeF"));
    assertFalse(ConstantTime.equals("abcdef", "abcde"));
  }

  @Test
  void houseRule8_whenEitherIsNull_thenNeverEqual() {
    assertFalse(ConstantTime.equals(null, null));
    assertFalse(ConstantTime.equals(null, "a"));
    assertFalse(ConstantTime.equals("a", null));
  }
}
