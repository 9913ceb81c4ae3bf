package dev.gatehouse.protocol.request;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormBodyTest {
  private static final int MAX = 8192;

  private static Parameters parse(String body) {
    return FormBody.parse(body.getBytes(StandardCharsets.UTF_8), MAX);
  }

  @Test
  void rfc6749_appendixB_whenEncodedBody_thenDecoded() {
    Parameters p = parse("grant_type=authorization_code&code=Spl%2Fx+y&redirect_uri=https%3A%2F%2Fc.example%2Fcb");

    assertEquals(Optional.of("authorization_code"), p.single("grant_type"));
    assertEquals(Optional.of("Spl/x y"), p.single("code"));
    assertEquals(Optional.of("https://c.example/cb"), p.single("redirect_uri"));
  }

  @Test
  void rfc6749_appendixB_whenUtf8Escapes_thenDecodedAsUtf8() {
    assertEquals(Optional.of("Zoë"), parse("name=Zo%C3%AB").single("name"));
  }

  @Test
  void rfc6749_3_2_whenParameterRepeatedInBody_thenKeptSoSingleRefusesIt() {
    Parameters p = parse("code=a&code=b");

    assertEquals(List.of("a", "b"), p.all("code"));
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> p.single("code"));
  }

  @Test
  void rfc6749_3_1_whenNameWithoutValueOrEmptySegments_thenOmitted() {
    Parameters p = parse("&scope&state=&&a=1&");

    assertFalse(p.has("scope"));
    assertFalse(p.has("state"));
    assertEquals(Optional.of("1"), p.single("a"));
  }

  @Test
  void rfc6749_3_2_whenEmptyOrNullBody_thenEmptyParameters() {
    assertTrue(FormBody.parse(new byte[0], MAX).names().isEmpty());
    assertTrue(FormBody.parse((byte[]) null, MAX).names().isEmpty());
  }

  @Test
  void rfc6749_3_2_whenBodyLargerThanLimit_thenInvalidRequest() {
    byte[] body = ("a=" + "x".repeat(100)).getBytes(StandardCharsets.US_ASCII);

    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> FormBody.parse(body, 50));
  }

  @Test
  void rfc6749_3_2_whenStreamLargerThanLimit_thenInvalidRequestWithoutReadingAll() {
    byte[] body = ("a=" + "x".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);
    ByteArrayInputStream in = new ByteArrayInputStream(body);

    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> FormBody.parse(in, 100));
    assertTrue(in.available() > 9_000);
  }

  @Test
  void rfc6749_3_2_whenStreamWithinLimit_thenDecoded() throws Exception {
    byte[] body = "a=1&b=2".getBytes(StandardCharsets.US_ASCII);

    assertEquals(Optional.of("2"), FormBody.parse(new ByteArrayInputStream(body), body.length).single("b"));
  }

  @Test
  void rfc6749_appendixB_whenPercentEscapeMalformed_thenInvalidRequest() {
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> parse("code=%ZZ"));
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> parse("code=abc%2"));
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> parse("co%de=abc"));
  }

  @Test
  void rfc6749_appendixB_whenEscapedBytesAreInvalidUtf8_thenInvalidRequest() {
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> parse("code=%C3%28"));
    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> parse("code=%ED%A0%80"));
  }

  @Test
  void rfc6749_appendixB_whenRawBytesAreInvalidUtf8_thenInvalidRequest() {
    byte[] body = {'a', '=', (byte) 0xC0, (byte) 0xAF};

    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> FormBody.parse(body, MAX));
  }

  @Test
  void rfc6749_3_2_whenMoreThan100Parameters_thenInvalidRequest() {
    StringBuilder body = new StringBuilder("p0=0");
    for (int i = 1; i <= FormBody.MAX_PARAMETERS; i++) {
      body.append("&p").append(i).append('=').append(i);
    }

    assertOAuthError(OAuthErrorCode.INVALID_REQUEST, () -> parse(body.toString()));
  }

  @Test
  void rfc6749_3_2_whenExactly100Parameters_thenAccepted() {
    StringBuilder body = new StringBuilder("p1=1");
    for (int i = 2; i <= FormBody.MAX_PARAMETERS; i++) {
      body.append("&p").append(i).append('=').append(i);
    }

    assertEquals(FormBody.MAX_PARAMETERS, parse(body.toString()).names().size());
  }

  @Test
  void rfc6749_appendixB_whenQueryStringGivenAsText_thenDecoded() {
    Parameters p = FormBody.parse("client_id=app&state=a%20b", MAX);

    assertEquals(Optional.of("a b"), p.single("state"));
    assertTrue(FormBody.parse((String) null, MAX).names().isEmpty());
  }
}
