package dev.gatehouse.protocol.scope;

import static dev.gatehouse.protocol.error.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopesTest {

  @Test
  void rfc6749_3_3_whenSpaceDelimited_thenSortedUnmodifiableSet() {
    Set<String> scopes = Scopes.parse("profile openid email openid");

    assertEquals(List.of("email", "openid", "profile"), List.copyOf(scopes));
    assertThrows(UnsupportedOperationException.class, () -> scopes.add("x"));
  }

  @Test
  void rfc6749_3_3_whenTokenUsesEdgeCharacters_thenAccepted() {
    assertEquals(Set.of("!", "#[", "]~", "api:read", "https://r.example/x"), Scopes.parse("! #[ ]~ api:read https://r.example/x"));
  }

  @Test
  void rfc6749_3_3_whenTokenHasForbiddenCharacter_thenInvalidScope() {
    for (String bad : new String[] {"a\"b", "a\\b", "caf\u00e9", "a\tb", "a\u007fb"}) {
      assertOAuthError(OAuthErrorCode.INVALID_SCOPE, () -> Scopes.parse(bad));
    }
  }

  @Test
  void rfc6749_3_3_whenSpacesLeadingTrailingOrDoubled_thenInvalidScope() {
    assertOAuthError(OAuthErrorCode.INVALID_SCOPE, () -> Scopes.parse(" openid"));
    assertOAuthError(OAuthErrorCode.INVALID_SCOPE, () -> Scopes.parse("openid "));
    assertOAuthError(OAuthErrorCode.INVALID_SCOPE, () -> Scopes.parse("openid  email"));
  }

  @Test
  void rfc6749_3_3_whenNullOrBlank_thenEmpty() {
    assertTrue(Scopes.parse(null).isEmpty());
    assertTrue(Scopes.parse("   ").isEmpty());
  }

  @Test
  void rfc6749_3_3_whenFormatted_thenSortedSingleSpaced() {
    assertEquals("a b c", Scopes.format(Set.of("c", "a", "b")));
    assertEquals("", Scopes.format(Set.of()));
  }

  @Test
  void rfc6749_3_3_whenSubset_thenRequestedReturned() {
    Set<String> requested = Set.of("openid");

    assertSame(requested, Scopes.requireSubset(requested, Set.of("openid", "email")));
  }

  @Test
  void rfc6749_3_3_whenNotSubset_thenInvalidScope() {
    assertOAuthError(
        OAuthErrorCode.INVALID_SCOPE, () -> Scopes.requireSubset(Set.of("openid", "admin"), Set.of("openid")));
  }
}
