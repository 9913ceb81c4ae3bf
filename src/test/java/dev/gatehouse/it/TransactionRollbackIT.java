package dev.gatehouse.it;

import static dev.gatehouse.it.Fixtures.ALICE;
import static dev.gatehouse.it.Fixtures.ALICE_PASSWORD;
import static dev.gatehouse.it.Fixtures.BASIC;
import static dev.gatehouse.it.Fixtures.BASIC_REDIRECT;
import static dev.gatehouse.it.Fixtures.BASIC_SECRET;
import static dev.gatehouse.it.Fixtures.POST;
import static dev.gatehouse.it.Fixtures.POST_REDIRECT;
import static dev.gatehouse.it.Fixtures.POST_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.it.rollback.FailingRefreshTokenStore;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The token endpoint's transaction is all or nothing (MariaDB execution only; reads the database). The deployment is
 * the shipped WAR plus one test-only decorator, {@link FailingRefreshTokenStore}, that fails the refresh token save of
 * {@code it-post} after the code was consumed and the access token written, in the same transaction.
 */
@ExtendWith({MariaDbOnly.class, ArquillianExtension.class})
@RunAsClient
class TransactionRollbackIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war().addClass(FailingRefreshTokenStore.class);
  }

  @ArquillianResource URL url;

  private URI base() {
    return URI.create(url.toString());
  }

  @Test
  void rfc6749_4_1_3_whenIssuanceFailsAfterAccessTokenInsert_thenServerErrorAndNothingCommitted() {
    Pkce pkce = Pkce.create();
    String code = Flows.code(new UserAgent(base()), POST, POST_REDIRECT, "read", pkce, ALICE, ALICE_PASSWORD);
    Map<String, String> form =
        Fixtures.withClientInBody(Fixtures.codeRedemption(code, POST_REDIRECT, pkce), POST, POST_SECRET);
    TokenClient tokens = new TokenClient(base());

    TokenClient.Answer failed = tokens.post(form, null, null);
    assertEquals(500, failed.status(), () -> "the injected failure did not happen: " + failed.json());
    assertServerErrorWithoutInternals(failed);

    Map<String, Object> codeRow = Database.byId(Database.CODES, Database.sha256(code));
    assertNotNull(codeRow, "the code row is there");
    assertNull(codeRow.get("consumed_at"), "the code's consumption was rolled back");
    String grantId = (String) codeRow.get("grant_id");
    assertEquals(List.of(), Database.byGrant(Database.ACCESS_TOKENS, grantId), "no access token row committed");
    assertEquals(List.of(), Database.byGrant(Database.REFRESH_TOKENS, grantId), "no refresh token row committed");

    // Seen from the client: the code is still unused, so a retry fails the same way, not as a replay (invalid_grant).
    TokenClient.Answer retry = tokens.post(form, null, null);
    assertEquals(500, retry.status(), () -> retry.json().toString());
    assertServerErrorWithoutInternals(retry);
    assertNull(Database.byId(Database.CODES, Database.sha256(code)).get("consumed_at"));
    assertEquals(List.of(), Database.byGrant(Database.ACCESS_TOKENS, grantId));
  }

  @Test
  void rfc6749_4_1_3_whenIssuanceSucceedsInTheSameDeployment_thenCodeConsumedAndTokenRowsCommitted() {
    Pkce pkce = Pkce.create();
    String code = Flows.code(new UserAgent(base()), BASIC, BASIC_REDIRECT, "read", pkce, ALICE, ALICE_PASSWORD);
    TokenClient.Answer answer = new TokenClient(base()).post(
        Fixtures.codeRedemption(code, BASIC_REDIRECT, pkce), BASIC, BASIC_SECRET);
    assertEquals(200, answer.status(), () -> answer.json().toString());

    Map<String, Object> codeRow = Database.byId(Database.CODES, Database.sha256(code));
    assertNotNull(codeRow.get("consumed_at"), "consumed");
    String grantId = (String) codeRow.get("grant_id");
    Map<String, Object> access = Database.byId(Database.ACCESS_TOKENS, Database.sha256(answer.string("access_token")));
    Map<String, Object> refresh =
        Database.byId(Database.REFRESH_TOKENS, Database.sha256(answer.string("refresh_token")));
    assertNotNull(access, "access token row committed");
    assertNotNull(refresh, "refresh token row committed");
    assertEquals(grantId, access.get("grant_id"));
    assertEquals(grantId, refresh.get("grant_id"));
    assertEquals(BASIC, access.get("client_id"));
  }

  private static void assertServerErrorWithoutInternals(TokenClient.Answer answer) {
    assertEquals("server_error", answer.error());
    assertEquals(java.util.Set.of("error", "error_description"), answer.json().keySet());
    String body = answer.raw().body();
    for (String leak : List.of("Exception", "injected", "dev.gatehouse", "at java.", "Caused by", "SQL", "Payara",
        "EJB", "rollback")) {
      assertFalse(body.contains(leak), () -> "the error body reveals internals (" + leak + "): " + body);
    }
    assertTrue(answer.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals("no-store", answer.raw().headers().firstValue("Cache-Control").orElse(""));
  }
}
