package dev.gatehouse.protocol.client;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.FormBody;
import dev.gatehouse.protocol.request.Parameters;
import dev.gatehouse.protocol.support.UrlEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientCredentialsTest {
  private static final Parameters NO_FORM = Parameters.empty();

  private static Optional<String> basic(String userPass) {
    return Optional.of("Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8)));
  }

  private static Optional<String> basicEncoded(String clientId, String secret) {
    return basic(UrlEncoding.encode(clientId) + ":" + UrlEncoding.encode(secret));
  }

  private static Parameters form(String body) {
    return FormBody.parse(body.getBytes(StandardCharsets.UTF_8), 8192);
  }

  @Test
  void rfc6749_2_3_1_whenBasicWithUrlencodedColonInSecret_thenDecodedExactly() {
    String secret = "pa:ss word/with+plus&é";

    ClientCredentials c = ClientCredentials.extract(basicEncoded("my client", secret), NO_FORM).orElseThrow();

    assertEquals("my client", c.clientId());
    assertEquals(secret, c.secret());
    assertEquals(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, c.method());
  }

  @Test
  void rfc7617_2_whenSchemeInOtherCase_thenStillBasic() {
    Optional<String> header =
        Optional.of("bAsIc " + Base64.getEncoder().encodeToString("app:secret".getBytes(StandardCharsets.UTF_8)));

    assertEquals("app", ClientCredentials.extract(header, NO_FORM).orElseThrow().clientId());
  }

  @Test
  void rfc6749_2_3_whenBasicAndClientSecretInForm_thenInvalidRequest() {
    assertOAuthError(
        OAuthErrorCode.INVALID_REQUEST,
        () -> ClientCredentials.extract(basic("app:secret"), form("client_id=app&client_secret=secret")));
  }

  @Test
  void rfc6749_2_3_1_whenBasicAndSameClientIdInForm_thenBasic() {
    ClientCredentials c = ClientCredentials.extract(basic("app:secret"), form("client_id=app")).orElseThrow();

    assertEquals(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, c.method());
  }

  @Test
  void rfc6749_2_3_1_whenBasicAndDifferentClientIdInForm_thenInvalidRequest() {
    assertOAuthError(
        OAuthErrorCode.INVALID_REQUEST,
        () -> ClientCredentials.extract(basic("app:secret"), form("client_id=other")));
  }

  @Test
  void rfc7617_2_whenBase64Malformed_thenInvalidClient() {
    assertOAuthError(
        OAuthErrorCode.INVALID_CLIENT, () -> ClientCredentials.extract(Optional.of("Basic !!!notbase64"), NO_FORM));
    assertOAuthError(OAuthErrorCode.INVALID_CLIENT, () -> ClientCredentials.extract(Optional.of("Basic"), NO_FORM));
  }

  @Test
  void rfc6749_5_2_whenBasicCredentialsAreLongerThanTheBound_thenInvalidClientBeforeDecoding() {
    // Not base64 at all: were it decoded, the answer would be the generic one for malformed credentials.
    String tooLong = "Basic " + "!".repeat(ClientCredentials.MAX_BASIC_CREDENTIALS + 1);

    OAuthException e = assertOAuthError(
        OAuthErrorCode.INVALID_CLIENT, () -> ClientCredentials.extract(Optional.of(tooLong), NO_FORM));
    assertEquals("The Basic credentials are too long.", e.description());
  }

  @Test
  void rfc6749_2_3_1_whenBasicCredentialsAreExactlyAtTheBound_thenDecoded() {
    String secret = "s".repeat(ClientCredentials.MAX_BASIC_CREDENTIALS / 4 * 3 - "app:".length());
    Optional<String> header = basic("app:" + secret);
    assertEquals("Basic ".length() + ClientCredentials.MAX_BASIC_CREDENTIALS, header.orElseThrow().length());

    assertEquals(secret, ClientCredentials.extract(header, NO_FORM).orElseThrow().secret());
  }

  @Test
  void rfc7617_2_whenNoColon_thenInvalidClient() {
    assertOAuthError(OAuthErrorCode.INVALID_CLIENT, () -> ClientCredentials.extract(basic("appsecret"), NO_FORM));
  }

  @Test
  void rfc6749_2_3_1_whenBasicPartsHaveBadEscapes_thenInvalidClient() {
    assertOAuthError(OAuthErrorCode.INVALID_CLIENT, () -> ClientCredentials.extract(basic("app:%zz"), NO_FORM));
    assertOAuthError(OAuthErrorCode.INVALID_CLIENT, () -> ClientCredentials.extract(basic("a%C3%28:s"), NO_FORM));
  }

  @Test
  void rfc7617_2_whenBasicDecodesToInvalidUtf8_thenInvalidClient() {
    String token = Base64.getEncoder().encodeToString(new byte[] {'a', ':', (byte) 0xFF});

    assertOAuthError(
        OAuthErrorCode.INVALID_CLIENT, () -> ClientCredentials.extract(Optional.of("Basic " + token), NO_FORM));
  }

  @Test
  void rfc6749_2_3_1_whenBasicClientIdEmpty_thenInvalidClient() {
    assertOAuthError(OAuthErrorCode.INVALID_CLIENT, () -> ClientCredentials.extract(basic(":secret"), NO_FORM));
  }

  @Test
  void rfc6749_2_3_1_whenClientIdAndSecretInForm_thenClientSecretPost() {
    ClientCredentials c =
        ClientCredentials.extract(Optional.empty(), form("client_id=app&client_secret=s")).orElseThrow();

    assertEquals(new ClientCredentials("app", "s", TokenEndpointAuthMethod.CLIENT_SECRET_POST), c);
  }

  @Test
  void rfc6749_2_1_whenClientIdOnlyInForm_thenNone() {
    ClientCredentials c = ClientCredentials.extract(Optional.empty(), form("client_id=spa")).orElseThrow();

    assertEquals(TokenEndpointAuthMethod.NONE, c.method());
    assertNull(c.secret());
  }

  @Test
  void rfc6749_2_3_whenNoCredentialsAtAll_thenEmpty() {
    assertTrue(ClientCredentials.extract(Optional.empty(), form("grant_type=x")).isEmpty());
  }

  @Test
  void rfc6750_2_1_whenAuthorizationIsBearer_thenIgnoredAndFormUsed() {
    Optional<ClientCredentials> c =
        ClientCredentials.extract(Optional.of("Bearer abc"), form("client_id=app&client_secret=s"));

    assertEquals(TokenEndpointAuthMethod.CLIENT_SECRET_POST, c.orElseThrow().method());
    assertTrue(ClientCredentials.extract(Optional.of("Bearer abc"), NO_FORM).isEmpty());
  }

  @Test
  void rfc6749_2_3_1_whenClientSecretWithoutClientId_thenInvalidClient() {
    assertOAuthError(
        OAuthErrorCode.INVALID_CLIENT, () -> ClientCredentials.extract(Optional.empty(), form("client_secret=s")));
  }

  @Test
  void rfc6749_3_2_whenClientIdRepeatedInForm_thenInvalidRequest() {
    assertOAuthError(
        OAuthErrorCode.INVALID_REQUEST,
        () -> ClientCredentials.extract(Optional.empty(), form("client_id=a&client_id=b")));
  }

  @Test
  void houseRule8_whenPrinted_thenSecretNotShown() {
    ClientCredentials c = new ClientCredentials("app", "the-secret-value", TokenEndpointAuthMethod.CLIENT_SECRET_POST);

    assertFalse(c.toString().contains("the-secret-value"));
  }
}
