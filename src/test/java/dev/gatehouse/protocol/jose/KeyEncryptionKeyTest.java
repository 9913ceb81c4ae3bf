package dev.gatehouse.protocol.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The key-encryption key from configuration: exactly 32 bytes, base64 or base64url. */
class KeyEncryptionKeyTest {

  private static final String SETTING = "GATEHOUSE_KEY_ENCRYPTION_KEY";
  private static final byte[] BYTES = new byte[32];

  static {
    new SecureRandom().nextBytes(BYTES);
  }

  @Test
  void kek_whenBase64OrBase64UrlWithOrWithoutPadding_thenTheSameKey() {
    for (String encoded : new String[] {
        Base64.getEncoder().encodeToString(BYTES),
        Base64.getUrlEncoder().encodeToString(BYTES),
        Base64.getUrlEncoder().withoutPadding().encodeToString(BYTES),
        "  " + Base64.getEncoder().encodeToString(BYTES) + "\n"}) {
      assertArrayEquals(BYTES, KeyEncryptionKey.parse(encoded, SETTING).bytes(), encoded);
    }
  }

  @Test
  void kek_whenNotThirtyTwoBytes_thenClearErrorNamingTheSettingWithoutTheValue() {
    String tooShort = Base64.getEncoder().encodeToString(new byte[31]);
    KeyEncryptionException e = assertThrows(KeyEncryptionException.class,
        () -> KeyEncryptionKey.parse(tooShort, SETTING));
    assertTrue(e.getMessage().startsWith(SETTING), e.getMessage());
    assertTrue(e.getMessage().contains("31 bytes"), e.getMessage());
    assertFalse(e.getMessage().contains(tooShort));
  }

  @Test
  void kek_whenMissingOrNotBase64_thenClearError() {
    String notBase64 = "this is not base64, it is a passphrase!";
    KeyEncryptionException e = assertThrows(KeyEncryptionException.class,
        () -> KeyEncryptionKey.parse(notBase64, SETTING));
    assertTrue(e.getMessage().startsWith(SETTING));
    assertFalse(e.getMessage().contains("passphrase"), "the value is not echoed");
    assertThrows(KeyEncryptionException.class, () -> KeyEncryptionKey.parse(" ", SETTING));
    assertThrows(KeyEncryptionException.class, () -> KeyEncryptionKey.parse(null, SETTING));
  }

  @Test
  void kek_whenGenerated_thenThirtyTwoRandomBytesAndToStringShowsOnlyTheSource() {
    String encoded = KeyEncryptionKey.newEncoded(new SecureRandom());
    KeyEncryptionKey kek = KeyEncryptionKey.parse(encoded, "the generated file /data/key-encryption-key");

    assertEquals(32, kek.bytes().length);
    assertFalse(encoded.equals(KeyEncryptionKey.newEncoded(new SecureRandom())));
    assertEquals("KeyEncryptionKey[from the generated file /data/key-encryption-key]", kek.toString());
  }
}
