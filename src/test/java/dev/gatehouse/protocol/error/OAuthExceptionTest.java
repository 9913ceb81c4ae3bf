package dev.gatehouse.protocol.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class OAuthExceptionTest {

  @Test
  void rfc6749_5_2_whenBuiltWithDetailOnly_thenDefaultDescriptionAndLogMessage() {
    OAuthException e = new OAuthException(OAuthErrorCode.INVALID_GRANT, "code expired");

    assertEquals(OAuthErrorCode.INVALID_GRANT, e.code());
    assertEquals(OAuthErrorCode.INVALID_GRANT.defaultDescription(), e.description());
    assertEquals("code expired", e.detail());
    assertEquals("invalid_grant: code expired", e.getMessage());
  }

  @Test
  void rfc6749_5_2_whenBuiltWithDescription_thenDescriptionKeptApartFromDetail() {
    OAuthException e = new OAuthException(OAuthErrorCode.INVALID_REQUEST, "The x parameter is missing.", "x missing");

    assertEquals("The x parameter is missing.", e.description());
    assertEquals("x missing", e.detail());
  }

  @Test
  void houseRule3_whenThrown_thenNoStackTraceAndNoCause() {
    OAuthException e = new OAuthException(OAuthErrorCode.SERVER_ERROR, "boom");

    assertEquals(0, e.getStackTrace().length);
    assertNull(e.getCause());
  }

  @Test
  void rfc6749_5_2_whenAnyCode_thenWireValueIsLowerCaseName() {
    for (OAuthErrorCode code : OAuthErrorCode.values()) {
      assertEquals(code.name().toLowerCase(Locale.ROOT), code.code());
    }
  }

  @Test
  void rfc6749_5_2_whenInvalidClient_then401AndOthersHaveRegisteredStatuses() {
    assertEquals(401, OAuthErrorCode.INVALID_CLIENT.httpStatus());
    assertEquals(400, OAuthErrorCode.INVALID_GRANT.httpStatus());
    assertEquals(400, OAuthErrorCode.INVALID_REQUEST.httpStatus());
    assertEquals(401, OAuthErrorCode.INVALID_TOKEN.httpStatus());
    assertEquals(403, OAuthErrorCode.INSUFFICIENT_SCOPE.httpStatus());
    assertEquals(500, OAuthErrorCode.SERVER_ERROR.httpStatus());
    assertEquals(503, OAuthErrorCode.TEMPORARILY_UNAVAILABLE.httpStatus());
  }

  @Test
  void rfc6749_5_2_whenDefaultDescription_thenOnlyAllowedCharacters() {
    // RFC 6749 §5.2: error_description MUST NOT include characters outside %x20-21 / %x23-5B / %x5D-7E.
    for (OAuthErrorCode code : OAuthErrorCode.values()) {
      String d = code.defaultDescription();
      assertTrue(!d.isEmpty() && d.chars().allMatch(c -> c == 0x20 || c == 0x21 || (c >= 0x23 && c <= 0x5B)
          || (c >= 0x5D && c <= 0x7E)), code.name());
    }
  }
}
