package dev.gatehouse.infrastructure.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Values put into LDAP search filters can only be compared, never change the filter (RFC 4515 §3). */
class LdapFilterTest {

  @Test
  void rfc4515_3_whenValueHasTheFiveSpecialCharacters_thenEachIsBackslashHex() {
    assertEquals("a\\2ab\\28c\\29d\\5ce\\00f", LdapFilter.escape("a*b(c)d\\e\0f"));
  }

  @Test
  void rfc4515_3_whenUsernameTriesToWidenTheFilter_thenItStaysOneValue() {
    String filter = LdapFilter.format("(&(objectClass=inetOrgPerson)(uid={0}))", "*)(uid=*");
    assertEquals("(&(objectClass=inetOrgPerson)(uid=\\2a\\29\\28uid=\\2a))", filter);
  }

  @Test
  void rfc4515_3_whenUsernameIsAWildcard_thenItIsALiteralAsterisk() {
    assertEquals("(uid=\\2a)", LdapFilter.format("(uid={0})", "*"));
  }

  @Test
  void rfc4515_3_whenValueIsNonAscii_thenUtf8CharactersStayAsTheyAre() {
    assertEquals("(cn=Zoë 张)", LdapFilter.format("(cn={0})", "Zoë 张"));
  }

  @Test
  void groupFilter_whenUserDnHasFilterCharacters_thenBothPlaceholdersEscaped() {
    assertEquals("(|(member=uid=o\\2a\\28brien\\29,dc=test)(memberUid=o\\2a\\28brien\\29))",
        LdapFilter.format("(|(member={0})(memberUid={1}))", "uid=o*(brien),dc=test", "o*(brien)"));
  }

  @Test
  void settings_whenTemplateLacksPlaceholderOrParenthesesOrBalance_thenRefused() {
    assertThrows(IllegalArgumentException.class, () -> LdapFilter.checkTemplate("(uid=jdoe)", 0));
    assertThrows(IllegalArgumentException.class, () -> LdapFilter.checkTemplate("uid={0}", 0));
    assertThrows(IllegalArgumentException.class, () -> LdapFilter.checkTemplate("(&(uid={0})", 0));
    assertThrows(IllegalArgumentException.class, () -> LdapFilter.checkTemplate("(&(uid={0})(cn={1}))", 0));
    LdapFilter.checkTemplate("(&(objectClass=groupOfNames)(member={0})(cn=\\28x\\29))", 1);
  }
}
