package dev.gatehouse.protocol.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Private keys at rest: JWE (dir, A256GCM) under the key-encryption key. */
class PrivateKeyCipherTest {

  private static final RSAKey RSA = new SigningKeyGenerator().generate(JWSAlgorithm.RS256).toRSAKey();
  private final String encodedKek = KeyEncryptionKey.newEncoded(new SecureRandom());
  private final PrivateKeyCipher cipher =
      new PrivateKeyCipher(KeyEncryptionKey.parse(encodedKek, "GATEHOUSE_KEY_ENCRYPTION_KEY"));

  @Test
  void atRest_whenEncrypted_thenDirA256GcmJweWithKidAndNoPrivateMemberInClear() throws Exception {
    String stored = cipher.encrypt(RSA);

    JWEObject jwe = JWEObject.parse(stored);
    assertEquals(JWEAlgorithm.DIR, jwe.getHeader().getAlgorithm());
    assertEquals(EncryptionMethod.A256GCM, jwe.getHeader().getEncryptionMethod());
    assertEquals(RSA.getKeyID(), jwe.getHeader().getKeyID());
    String decodedParts = new String(Base64.getUrlDecoder().decode(stored.split("\\.")[0]), StandardCharsets.UTF_8);
    assertFalse(decodedParts.contains("\"d\""), "the header holds no private member");
    assertFalse(stored.contains(RSA.getPrivateExponent().toString()), "the private exponent is not in the row");
  }

  @Test
  void atRest_whenDecryptedWithTheSameKek_thenTheSameKeyPair() throws Exception {
    JWK decrypted = cipher.decrypt(RSA.getKeyID(), cipher.encrypt(RSA));

    assertTrue(decrypted.isPrivate());
    assertEquals(RSA.computeThumbprint(), decrypted.computeThumbprint());
    assertEquals(RSA.getPrivateExponent(), decrypted.toRSAKey().getPrivateExponent());
  }

  @Test
  void kek_whenWrong_thenClearErrorNamingTheSettingWithoutKeyMaterial() {
    String stored = cipher.encrypt(RSA);
    String wrongKek = KeyEncryptionKey.newEncoded(new SecureRandom());
    PrivateKeyCipher wrong = new PrivateKeyCipher(KeyEncryptionKey.parse(wrongKek, "GATEHOUSE_KEY_ENCRYPTION_KEY"));

    KeyEncryptionException e = assertThrows(KeyEncryptionException.class, () -> wrong.decrypt(RSA.getKeyID(), stored));

    assertTrue(e.getMessage().contains("GATEHOUSE_KEY_ENCRYPTION_KEY"), e.getMessage());
    assertTrue(e.getMessage().contains(RSA.getKeyID()), "names the key it could not decrypt");
    for (String secret : new String[] {wrongKek, encodedKek, RSA.getPrivateExponent().toString(), stored}) {
      assertFalse(e.getMessage().contains(secret), "the message shows no key material");
    }
    assertEquals(null, e.getCause(), "no cause that could carry more");
  }

  @Test
  void atRest_whenCiphertextCopiedToAnotherKeysRow_thenRefused() {
    String stored = cipher.encrypt(RSA);
    assertThrows(KeyEncryptionException.class, () -> cipher.decrypt("another-kid", stored));
    String[] parts = stored.split("\\.");
    String swappedHeader = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"kid\":\"another-kid\",\"enc\":\"A256GCM\",\"alg\":\"dir\"}".getBytes(StandardCharsets.UTF_8));
    String relabelled = swappedHeader + "." + parts[1] + "." + parts[2] + "." + parts[3] + "." + parts[4];
    assertThrows(KeyEncryptionException.class, () -> cipher.decrypt("another-kid", relabelled),
        "the header is authenticated: a relabelled ciphertext does not decrypt");
  }

  @Test
  void encrypt_whenPublicOnly_thenRefused() {
    assertThrows(IllegalArgumentException.class, () -> cipher.encrypt(RSA.toPublicJWK()));
  }
}
