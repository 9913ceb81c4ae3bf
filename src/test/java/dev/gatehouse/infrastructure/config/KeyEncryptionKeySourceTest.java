package dev.gatehouse.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import dev.gatehouse.protocol.jose.KeyEncryptionException;
import dev.gatehouse.protocol.jose.KeyEncryptionKey;
import dev.gatehouse.protocol.jose.PrivateKeyCipher;
import dev.gatehouse.protocol.jose.SigningKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key-encryption key comes from: a setting, a file, or (embedded default only) a generated file. */
class KeyEncryptionKeySourceTest {

  @TempDir Path dir;
  private final String encoded = KeyEncryptionKey.newEncoded(new SecureRandom());

  private static KeyEncryptionKey resolve(Optional<String> value, Optional<String> file, boolean embedded, Path dir) {
    return KeyEncryptionKeySource.resolve(value, file, embedded, dir);
  }

  @Test
  void kek_whenSetDirectly_thenUsedOnAnyDatabase() {
    KeyEncryptionKey kek = resolve(Optional.of(encoded), Optional.empty(), false, dir);
    assertEquals("GATEHOUSE_KEY_ENCRYPTION_KEY", kek.source());
    assertFalse(Files.exists(dir.resolve(KeyEncryptionKeySource.GENERATED_FILE)));
  }

  @Test
  void kek_whenFileSet_thenReadFromTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("kek"), encoded + "\n");
    KeyEncryptionKey kek = resolve(Optional.empty(), Optional.of(file.toString()), false, dir);
    assertEquals("GATEHOUSE_KEY_ENCRYPTION_KEY_FILE (" + file + ")", kek.source());
  }

  @Test
  void kek_whenMysqlAndNeitherSet_thenClearErrorNamingBothSettings() {
    KeyEncryptionException e = assertThrows(KeyEncryptionException.class,
        () -> resolve(Optional.empty(), Optional.empty(), false, dir));
    assertTrue(e.getMessage().contains("GATEHOUSE_KEY_ENCRYPTION_KEY "), e.getMessage());
    assertTrue(e.getMessage().contains("GATEHOUSE_KEY_ENCRYPTION_KEY_FILE"), e.getMessage());
    assertFalse(Files.exists(dir.resolve(KeyEncryptionKeySource.GENERATED_FILE)), "nothing generated on MySQL");
  }

  @Test
  void kek_whenBothSet_thenRefusedRatherThanGuessed() {
    assertThrows(KeyEncryptionException.class,
        () -> resolve(Optional.of(encoded), Optional.of(dir.resolve("kek").toString()), true, dir));
  }

  @Test
  void kek_whenFileMissing_thenClearErrorNamingTheSettingAndPath() {
    Path missing = dir.resolve("missing");
    KeyEncryptionException e = assertThrows(KeyEncryptionException.class,
        () -> resolve(Optional.empty(), Optional.of(missing.toString()), false, dir));
    assertTrue(e.getMessage().contains("GATEHOUSE_KEY_ENCRYPTION_KEY_FILE"), e.getMessage());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void kek_whenEmbeddedAndNeitherSet_thenGeneratedOnceIntoTheDataDirReadableByTheOwnerOnly() throws Exception {
    Path data = dir.resolve("gatehouse-data");

    KeyEncryptionKey first = resolve(Optional.empty(), Optional.empty(), true, data);
    KeyEncryptionKey second = resolve(Optional.empty(), Optional.empty(), true, data);

    Path file = data.resolve(KeyEncryptionKeySource.GENERATED_FILE);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(first.source().contains(file.toString()), first.source());
    JWK jwk = new SigningKeyGenerator().generate(JWSAlgorithm.ES256);
    String encrypted = new PrivateKeyCipher(first).encrypt(jwk);
    assertEquals(jwk.getKeyID(), new PrivateKeyCipher(second).decrypt(jwk.getKeyID(), encrypted).getKeyID(),
        "the second start reads the key the first generated");
  }
}
