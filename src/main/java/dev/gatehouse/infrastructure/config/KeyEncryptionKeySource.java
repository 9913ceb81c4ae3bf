package dev.gatehouse.infrastructure.config;

import static dev.gatehouse.infrastructure.config.GatehouseConfig.KEK;
import static dev.gatehouse.infrastructure.config.GatehouseConfig.KEK_FILE;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.jose.KeyEncryptionException;
import dev.gatehouse.protocol.jose.KeyEncryptionKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Optional;
import dev.gatehouse.infrastructure.files.OwnerOnlyFiles;

/**
 * Where the key-encryption key of the signing keys comes from, in this order:
 *
 * <ol>
 *   <li>{@code GATEHOUSE_KEY_ENCRYPTION_KEY}: the base64 or base64url encoding of 32 random bytes;
 *   <li>{@code GATEHOUSE_KEY_ENCRYPTION_KEY_FILE}: a file holding that encoding (for secrets mounted as files);
 *   <li>on the embedded H2 default only, when neither is set: the file {@code key-encryption-key} in
 *       {@code GATEHOUSE_DATA_DIR}, generated at the first start (owner read/write only), so that {@code mvn -Prun}
 *       needs no set-up. It lies next to the H2 file, which is acceptable for a single-machine default only.
 * </ol>
 *
 * <p>On MySQL with neither set, start-up fails with a message that says what to set. Setting both is an error too:
 * which one wins would be a guess. The key's value is never logged.
 */
public final class KeyEncryptionKeySource {

  private static final SafeLog LOG = SafeLog.of(KeyEncryptionKeySource.class);
  static final String GENERATED_FILE = "key-encryption-key";
  private static final String HOW = " to the base64 encoding of 32 random bytes (openssl rand -base64 32)";

  private KeyEncryptionKeySource() {}

  /**
   * The key-encryption key.
   *
   * @param embedded whether the database is the embedded H2 default
   * @param dataDir {@code GATEHOUSE_DATA_DIR}, where the embedded default keeps a generated key
   * @throws KeyEncryptionException naming the setting to fix
   */
  public static KeyEncryptionKey resolve(Optional<String> value, Optional<String> file, boolean embedded, Path dataDir) {
    if (value.isPresent() && file.isPresent()) {
      throw new KeyEncryptionException("Both " + KEK + " and " + KEK_FILE + " are set: set only one of them");
    }
    if (value.isPresent()) {
      return KeyEncryptionKey.parse(value.get(), KEK);
    }
    if (file.isPresent()) {
      Path path = Path.of(file.get());
      return KeyEncryptionKey.parse(read(path, KEK_FILE + " names " + path), KEK_FILE + " (" + path + ")");
    }
    if (!embedded) {
      throw new KeyEncryptionException("No key-encryption key for the signing keys: set " + KEK + HOW + ", or "
          + KEK_FILE + " to a file holding it; every node needs the same one");
    }
    Path generated = dataDir.resolve(GENERATED_FILE);
    return KeyEncryptionKey.parse(readOrGenerate(generated), "the generated file " + generated);
  }

  private static String readOrGenerate(Path path) {
    try {
      String encoded = KeyEncryptionKey.newEncoded(new SecureRandom());
      OwnerOnlyFiles.create(path);
      Files.writeString(path, encoded + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
      LOG.info("Generated a key-encryption key for the signing keys in {} (embedded default only; in production set {}"
          + " or {})", path, KEK, KEK_FILE);
      return encoded;
    } catch (FileAlreadyExistsException exists) {
      return read(path, "the generated key-encryption key file " + path);
    } catch (IOException e) {
      throw new KeyEncryptionException("Cannot create the key-encryption key file " + path + " (" + e.getClass()
          .getSimpleName() + "): set " + KEK + HOW + ", or make " + path.getParent() + " writable");
    }
  }

  private static String read(Path path, String what) {
    try {
      return Files.readString(path, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new KeyEncryptionException("Cannot read the key-encryption key: " + what + ", which cannot be read ("
          + e.getClass().getSimpleName() + ")");
    }
  }
}
