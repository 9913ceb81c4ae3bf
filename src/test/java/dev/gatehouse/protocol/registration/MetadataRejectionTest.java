package dev.gatehouse.protocol.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gatehouse.protocol.error.FieldProblem;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataRejectionTest {

  @Test
  void rfc7591_3_2_2_whenARedirectUriIsAtFault_thenInvalidRedirectUri() {
    OAuthException e = MetadataRejection.of(List.of(new FieldProblem("scope", "bad"),
        new FieldProblem("redirect_uris", "'http://rp.example/cb' must use https")));
    assertEquals(OAuthErrorCode.INVALID_REDIRECT_URI, e.code());
  }

  @Test
  void rfc7591_3_2_2_whenOtherFieldsAreAtFault_thenInvalidClientMetadataNamingTheFieldsNotTheValues() {
    OAuthException e = MetadataRejection.of(List.of(new FieldProblem("post_logout_redirect_uris", "'<script>' bad"),
        new FieldProblem("client_name", "too long")));
    assertEquals(OAuthErrorCode.INVALID_CLIENT_METADATA, e.code());
    assertFalse(e.description().contains("<script>"), "what the caller sent is never written back");
  }

  @Test
  void logs_whenAReasonQuotesALineBreak_thenTheDetailStaysOneLine() {
    OAuthException e = MetadataRejection.of(List.of(
        new FieldProblem("redirect_uris", "'http://127.0.0.1:9/cb\r\nFORGED log line' is not a valid URI")));
    assertFalse(e.detail().contains("\n") || e.detail().contains("\r"), e.detail());
  }
}
