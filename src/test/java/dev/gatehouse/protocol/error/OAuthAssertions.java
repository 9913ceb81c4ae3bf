package dev.gatehouse.protocol.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Asserts protocol failures by their error code, never by their text. */
public final class OAuthAssertions {
  private OAuthAssertions() {}

  public static OAuthException assertOAuthError(OAuthErrorCode expected, Executable executable) {
    OAuthException e = assertThrows(OAuthException.class, executable);
    assertEquals(expected, e.code(), () -> "detail was: " + e.detail());
    return e;
  }
}
