package dev.gatehouse.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class CsrfTest {
  private static final String KEY = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
  private static final String OTHER_KEY =
      Base64.getUrlEncoder().withoutPadding().encodeToString("another-browser-key-of-32-bytes!".getBytes());

  @Test
  void aTokenIsBoundToItsFormsAction() {
    String consent = Csrf.token(KEY, "/consent", "sid-1");
    assertEquals(43, consent.length());
    assertNotEquals(consent, Csrf.token(KEY, "/admin/users/new", "sid-1"),
        "the consent page's token is worth nothing at the console's forms");
  }

  @Test
  void aTokenIsBoundToTheSessionAndTheBrowsersKey() {
    String token = Csrf.token(KEY, "/consent", "sid-1");
    assertNotEquals(token, Csrf.token(KEY, "/consent", "sid-2"), "another user signed in meanwhile");
    assertNotEquals(token, Csrf.token(KEY, "/consent", ""), "signed out meanwhile");
    assertNotEquals(token, Csrf.token(OTHER_KEY, "/consent", "sid-1"), "another browser, or a rotated key");
    assertEquals(token, Csrf.token(KEY, "/consent", "sid-1"), "the same form, session and browser");
  }

  @Test
  void thePagesViewGivesTheTokenOfTheActionsPathWithoutItsQuery() {
    Csrf.Tokens tokens = new Csrf.Tokens(KEY, "sid-1");
    assertEquals(Csrf.token(KEY, "/admin/clients/edit", "sid-1"), tokens.get("/admin/clients/edit?id=wiki"));
    assertFalse(tokens.isEmpty(), "a page may test it with empty");
    assertTrue(tokens.containsKey("/consent"));
  }
}
