package dev.gatehouse.web.view.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The page to return to after the console's sign-in can only be a console page of this server (RFC 9700 §4.11). */
class ConsolePathsTest {

  @ParameterizedTest
  @ValueSource(strings = {"/admin", "/admin/", "/admin/clients", "/admin/users?q=alice&page=2",
      "/admin/clients/show?id=my%20app"})
  void rfc9700_4_11_whenNextIsAConsolePage_thenItIsKept(String next) {
    assertEquals(next, ConsolePaths.safeNext(next));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://evil.example/admin/", "//evil.example/admin/", "/admin//evil.example",
      "/\\evil.example", "/admin\\..\\login", "/admin/../oauth2/authorize", "/login", "/administrator",
      "/admin/clients?x=<script>", "/admin/ clients", "/admin/\r\nSet-Cookie:x=1", ""})
  void rfc9700_4_11_whenNextIsAnotherSiteOrNotAConsolePage_thenTheConsoleHome(String next) {
    assertEquals("/admin/", ConsolePaths.safeNext(next));
  }

  @Test
  void whenNextIsMissingOrTooLong_thenTheConsoleHome() {
    assertEquals("/admin/", ConsolePaths.safeNext(null));
    assertEquals("/admin/", ConsolePaths.safeNext("/admin/" + "a".repeat(600)));
  }
}
