package dev.gatehouse.it;

import static dev.gatehouse.it.Fixtures.ALICE;
import static dev.gatehouse.it.Fixtures.ALICE_PASSWORD;
import static dev.gatehouse.it.Fixtures.BASIC;
import static dev.gatehouse.it.Fixtures.BASIC_REDIRECT;
import static dev.gatehouse.it.Fixtures.BASIC_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Code replay and token storage, checked over HTTP and in the database itself (MariaDB execution only): a replayed
 * code revokes every token of its grant, and no code or token is stored in plaintext.
 */
@ExtendWith({MariaDbOnly.class, ArquillianExtension.class})
@RunAsClient
class CodeReplayIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private URI base() {
    return URI.create(url.toString());
  }

  /** A code, and the answer to its first redemption. */
  private record Redeemed(String code, Pkce pkce, TokenClient.Answer answer) {}

  private Redeemed redeemFreshCode(String scope) {
    Pkce pkce = Pkce.create();
    String code = Flows.code(new UserAgent(base()), BASIC, BASIC_REDIRECT, scope, pkce, ALICE, ALICE_PASSWORD);
    TokenClient.Answer answer = new TokenClient(base()).post(
        Fixtures.codeRedemption(code, BASIC_REDIRECT, pkce), BASIC, BASIC_SECRET);
    assertEquals(200, answer.status(), () -> answer.json().toString());
    return new Redeemed(code, pkce, answer);
  }

  @Test
  void rfc6749_4_1_2_whenCodeReplayed_thenInvalidGrantAndEveryTokenOfTheGrantRevoked() {
    TokenClient tokens = new TokenClient(base());
    Redeemed first = redeemFreshCode("read write");
    // The grant grows after the redemption: a refresh adds a second access token and a second refresh token.
    TokenClient.Answer refreshed = tokens.post(
        Fixtures.refresh(first.answer().string("refresh_token"), null), BASIC, BASIC_SECRET);
    assertEquals(200, refreshed.status(), () -> refreshed.json().toString());

    Map<String, Object> codeRow = Database.byId(Database.CODES, Database.sha256(first.code()));
    assertNotNull(codeRow, "the code row, found by the SHA-256 of the code");
    assertNotNull(codeRow.get("consumed_at"), "consumed by the first redemption");
    String grantId = (String) codeRow.get("grant_id");
    assertRevoked(Database.ACCESS_TOKENS, grantId, false, 2);
    assertRevoked(Database.REFRESH_TOKENS, grantId, false, 2);

    TokenClient.Answer replay = tokens.post(
        Fixtures.codeRedemption(first.code(), BASIC_REDIRECT, first.pkce()), BASIC, BASIC_SECRET);
    assertEquals(400, replay.status(), () -> replay.json().toString());
    assertEquals("invalid_grant", replay.error());
    assertNull(replay.string("access_token"));

    // RFC 6749 §4.1.2: the server "SHOULD revoke (when possible) all tokens previously issued based on that
    // authorization code": every row of the grant, including those issued later by the refresh.
    assertRevoked(Database.ACCESS_TOKENS, grantId, true, 2);
    assertRevoked(Database.REFRESH_TOKENS, grantId, true, 2);
    for (String refreshToken : List.of(first.answer().string("refresh_token"), refreshed.string("refresh_token"))) {
      TokenClient.Answer refused = tokens.post(Fixtures.refresh(refreshToken, null), BASIC, BASIC_SECRET);
      assertEquals(400, refused.status(), () -> refused.json().toString());
      assertEquals("invalid_grant", refused.error());
    }
  }

  @Test
  void rfc6749_4_1_2_whenCodeReplayed_thenAnotherGrantOfTheSameUserAndClientIsUntouched() {
    Redeemed replayed = redeemFreshCode("read");
    Redeemed bystander = redeemFreshCode("read");
    TokenClient.Answer replay = new TokenClient(base()).post(
        Fixtures.codeRedemption(replayed.code(), BASIC_REDIRECT, replayed.pkce()), BASIC, BASIC_SECRET);
    assertEquals("invalid_grant", replay.error());
    String bystanderGrant = (String) Database.byId(Database.CODES, Database.sha256(bystander.code())).get("grant_id");
    assertRevoked(Database.ACCESS_TOKENS, bystanderGrant, false, 1);
    assertRevoked(Database.REFRESH_TOKENS, bystanderGrant, false, 1);
    TokenClient.Answer refresh = new TokenClient(base()).post(
        Fixtures.refresh(bystander.answer().string("refresh_token"), null), BASIC, BASIC_SECRET);
    assertEquals(200, refresh.status(), "revocation is per grant, not per user or client");
  }

  /**
   * The code is claimed (an UPDATE through JPA) before its PKCE verifier is checked; the wrong verifier's
   * invalid_grant rolls the claim back with the container's transaction. On a server where the JPA provider did not
   * take part in the container's JTA transaction (EclipseLink on WildFly without its platform), the claim would stay
   * and the right verifier would then count as a replay.
   */
  @Test
  void rfc7636_4_6_whenVerifierWrong_thenInvalidGrantAndTheClaimOnTheCodeRolledBack() {
    Pkce pkce = Pkce.create();
    String code = Flows.code(new UserAgent(base()), BASIC, BASIC_REDIRECT, "read", pkce, ALICE, ALICE_PASSWORD);
    TokenClient tokens = new TokenClient(base());

    TokenClient.Answer wrong = tokens.post(Fixtures.codeRedemption(code, BASIC_REDIRECT, Pkce.create()),
        BASIC, BASIC_SECRET);
    assertEquals(400, wrong.status(), () -> wrong.json().toString());
    assertEquals("invalid_grant", wrong.error());
    assertNull(Database.byId(Database.CODES, Database.sha256(code)).get("consumed_at"), "the claim was rolled back");

    TokenClient.Answer right = tokens.post(Fixtures.codeRedemption(code, BASIC_REDIRECT, pkce), BASIC, BASIC_SECRET);
    assertEquals(200, right.status(), () -> right.json().toString());
    assertNotNull(Database.byId(Database.CODES, Database.sha256(code)).get("consumed_at"), "now consumed");
  }

  @Test
  void rfc6819_5_1_4_1_3_whenCodeAndTokensIssued_thenDatabaseHoldsOnlyTheirHashes() {
    Redeemed redeemed = redeemFreshCode("read");
    Map<String, String> secrets = Map.of(
        Database.CODES, redeemed.code(),
        Database.ACCESS_TOKENS, redeemed.answer().string("access_token"),
        Database.REFRESH_TOKENS, redeemed.answer().string("refresh_token"));
    secrets.forEach((table, value) -> {
      assertNull(Database.byId(table, value), table + ": no row is keyed by the plaintext");
      assertNotNull(Database.byId(table, Database.sha256(value)), table + ": the row is keyed by the SHA-256");
    });
    // No column of any Gatehouse table holds any of the three values, whole or as part of a longer text.
    List<String> tables = Database.gatehouseTables();
    assertTrue(tables.containsAll(secrets.keySet()), () -> "tables seen: " + tables);
    for (String table : tables) {
      for (Map<String, Object> row : Database.rows("SELECT * FROM " + table)) {
        for (Map.Entry<String, Object> column : row.entrySet()) {
          String cell = text(column.getValue());
          for (String value : secrets.values()) {
            assertFalse(cell != null && cell.contains(value),
                () -> table + "." + column.getKey() + " holds a plaintext code or token");
          }
        }
      }
    }
  }

  /** Asserts {@code expected} rows of the grant in {@code table}, all with revoked_at set (or all without). */
  private static void assertRevoked(String table, String grantId, boolean revoked, int expected) {
    List<Map<String, Object>> rows = Database.byGrant(table, grantId);
    assertEquals(expected, rows.size(), () -> table + " rows of grant " + grantId + ": " + rows);
    for (Map<String, Object> row : rows) {
      assertEquals(revoked, row.get("revoked_at") != null, () -> table + " row " + row);
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    return value.toString();
  }
}
