package dev.gatehouse.protocol.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.TestClients;
import dev.gatehouse.protocol.store.InMemoryAccessTokenStore;
import dev.gatehouse.protocol.store.InMemoryRefreshTokenStore;
import dev.gatehouse.protocol.store.RecordingAccessTokenStore;
import dev.gatehouse.protocol.store.RecordingRefreshTokenStore;
import dev.gatehouse.protocol.support.MutableClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenLookupTest {
  private final MutableClock clock = MutableClock.startingAt2025();
  private final InMemoryAccessTokenStore accessTokens = new InMemoryAccessTokenStore();
  private final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore();
  private final TokenIssuer issuer = new TokenIssuer(accessTokens, refreshTokens, TokenSettings.defaults(), clock);
  private final List<String> calls = new ArrayList<>();
  private final TokenLookup lookup =
      new TokenLookup(
          new RecordingAccessTokenStore(accessTokens, calls), new RecordingRefreshTokenStore(refreshTokens, calls));

  private static String repeat(char c, int times) {
    char[] chars = new char[times];
    Arrays.fill(chars, c);
    return new String(chars);
  }

  @Test
  void rfc6749_A_12_whenPrintableAsciiUpToTheMaximumLength_thenWellFormed() {
    assertTrue(TokenLookup.isWellFormed("!"));
    assertTrue(TokenLookup.isWellFormed("~"));
    assertTrue(TokenLookup.isWellFormed(repeat('a', TokenLookup.MAX_LENGTH)));
  }

  @Test
  void rfc6749_A_12_whenEmptyTooLongOrOutsidePrintableAscii_thenNotWellFormed() {
    for (String value :
        new String[] {
          null, "", repeat('a', TokenLookup.MAX_LENGTH + 1), "with space", "tab\t", "nul\u0000", "del\u007f",
          "caf\u00e9", "line\n"
        }) {
      assertFalse(TokenLookup.isWellFormed(value), () -> "accepted " + String.valueOf(value).length() + " chars");
    }
  }

  @Test
  void rfc7009_2_1_whenMalformed_thenEmptyWithoutAnyStoreCall() {
    assertEquals(Optional.empty(), lookup.find("bad token", Optional.empty(), clock.instant()));
    assertEquals(Optional.empty(), lookup.find(null, Optional.of("refresh_token"), clock.instant()));

    assertEquals(List.of(), calls);
  }

  @Test
  void rfc7009_2_1_whenLongestAllowedValueUnknown_thenBothStoresAsked() {
    assertEquals(
        Optional.empty(), lookup.find(repeat('a', TokenLookup.MAX_LENGTH), Optional.empty(), clock.instant()));

    assertEquals(List.of("access.findActive", "refresh.find"), calls);
  }

  @Test
  void rfc7009_2_1_whenFound_thenKindAndOwnerReported() {
    TokenResponse r = issuer.issue(IssueRequest.of("grant-1", TestClients.confidential("app"),
        TokenIssuer.Rights.of(Set.of("api"))).forSubject("alice").withRefreshToken());

    FoundToken access = lookup.find(r.accessToken(), Optional.empty(), clock.instant()).orElseThrow();
    FoundToken refresh = lookup.find(r.refreshToken().orElseThrow(), Optional.empty(), clock.instant()).orElseThrow();

    assertInstanceOf(FoundToken.Access.class, access);
    assertInstanceOf(FoundToken.Refresh.class, refresh);
    assertEquals("app", access.clientId());
    assertEquals("grant-1", refresh.grantId());
  }
}
