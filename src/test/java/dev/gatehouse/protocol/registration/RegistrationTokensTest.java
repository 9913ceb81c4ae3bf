package dev.gatehouse.protocol.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.support.Sha256;
import org.junit.jupiter.api.Test;

/** The registration access token (RFC 7592 §3) and the initial access token (RFC 7591 §3). */
class RegistrationTokensTest {

  private static final String INITIAL = "an-initial-access-token-of-32-chars-or-more";

  @Test
  void rfc7592_3_whenIssued_thenRandomAndOnlyItsSha256IsKept() {
    RegistrationAccessToken a = RegistrationAccessToken.issue();
    RegistrationAccessToken b = RegistrationAccessToken.issue();
    assertNotEquals(a.value(), b.value());
    assertEquals(43, a.value().length(), "256 random bits, base64url");
    assertEquals(Sha256.hex(a.value()), a.hash());
    assertFalse(a.toString().contains(a.value()));
  }

  @Test
  void rfc7592_3_whenPresentedTokenMatchesTheStoredHash_thenAccepted() {
    RegistrationAccessToken token = RegistrationAccessToken.issue();
    assertTrue(RegistrationAccessToken.matches(token.value(), token.hash()));
  }

  @Test
  void rfc7592_3_whenTokenOfAnotherClientOrNoStoredHashOrNoToken_thenRefused() {
    RegistrationAccessToken mine = RegistrationAccessToken.issue();
    RegistrationAccessToken other = RegistrationAccessToken.issue();
    assertFalse(RegistrationAccessToken.matches(other.value(), mine.hash()));
    assertFalse(RegistrationAccessToken.matches(mine.hash(), mine.hash()), "the hash itself is no token");
    assertFalse(RegistrationAccessToken.matches(mine.value(), null), "an operator's client has no token");
    assertFalse(RegistrationAccessToken.matches(null, mine.hash()));
  }

  @Test
  void rfc7591_3_whenNoInitialAccessTokenConfigured_thenRegistrationIsOpen() {
    assertFalse(InitialAccessToken.none().required());
    assertTrue(InitialAccessToken.none().permits(null));
    assertTrue(InitialAccessToken.none().permits("anything"));
  }

  @Test
  void rfc7591_3_whenInitialAccessTokenConfigured_thenOnlyThatTokenPermits() {
    InitialAccessToken token = InitialAccessToken.of(INITIAL);
    assertTrue(token.required());
    assertTrue(token.permits(INITIAL));
    assertFalse(token.permits(null));
    assertFalse(token.permits(""));
    assertFalse(token.permits(INITIAL + "x"));
    assertFalse(token.permits(INITIAL.substring(1)));
    assertFalse(token.permits(Sha256.hex(INITIAL)));
    assertFalse(token.toString().contains(INITIAL));
  }

  @Test
  void settings_whenInitialAccessTokenShortOrWithSpaces_thenRefused() {
    assertThrows(IllegalArgumentException.class, () -> InitialAccessToken.of("short"));
    assertThrows(IllegalArgumentException.class, () -> InitialAccessToken.of("with a space in the middle of 32 chars"));
  }
}
