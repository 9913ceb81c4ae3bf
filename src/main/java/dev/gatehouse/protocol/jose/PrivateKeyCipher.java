package dev.gatehouse.protocol.jose;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.util.Objects;

/**
 * Encrypts private JWKs at rest under the key-encryption key: a compact JWE with {@code alg=dir} and
 * {@code enc=A256GCM}, whose protected header carries the key's {@code kid}. The header is GCM's additional
 * authenticated data, so a ciphertext copied into another key's row does not decrypt as that key.
 *
 * <p>Failures never show key material: a wrong key-encryption key fails with a message that names where the key came
 * from and what to check.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7516">RFC 7516 (JWE)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7518#section-4.5">RFC 7518 §4.5 (dir)</a>
 */
public final class PrivateKeyCipher {

  private static final String CONTENT_TYPE = "jwk+json";

  private final KeyEncryptionKey kek;

  public PrivateKeyCipher(KeyEncryptionKey kek) {
    this.kek = Objects.requireNonNull(kek, "kek");
  }

  /** The JWE compact serialization of {@code privateJwk}. */
  public String encrypt(JWK privateJwk) {
    if (!privateJwk.isPrivate() || privateJwk.getKeyID() == null) {
      throw new IllegalArgumentException("only a private JWK with a kid is encrypted");
    }
    JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
        .keyID(privateJwk.getKeyID())
        .contentType(CONTENT_TYPE)
        .build();
    JWEObject jwe = new JWEObject(header, new Payload(privateJwk.toJSONObject()));
    try {
      jwe.encrypt(new DirectEncrypter(kek.bytes()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot encrypt signing key " + privateJwk.getKeyID(), e);
    }
    return jwe.serialize();
  }

  /**
   * The private JWK of key {@code kid} from its stored ciphertext.
   *
   * @throws KeyEncryptionException when the key-encryption key is not the one the key was encrypted with, or the
   *     ciphertext is not this key's
   */
  public JWK decrypt(String kid, String ciphertext) {
    JWEObject jwe;
    try {
      jwe = JWEObject.parse(ciphertext);
    } catch (ParseException | RuntimeException e) {
      throw new KeyEncryptionException("The stored private key of signing key " + kid + " is not a JWE");
    }
    if (!kid.equals(jwe.getHeader().getKeyID())) {
      throw new KeyEncryptionException("The stored private key of signing key " + kid + " belongs to another key");
    }
    try {
      jwe.decrypt(new DirectDecrypter(kek.bytes()));
    } catch (JOSEException e) {
      throw new KeyEncryptionException("Cannot decrypt signing key " + kid + " with the key-encryption key from "
          + kek.source() + ": it is not the key the signing keys in the database were encrypted with. Every node"
          + " must have the same key-encryption key.");
    }
    JWK jwk;
    try {
      jwk = JWK.parse(jwe.getPayload().toJSONObject());
    } catch (ParseException | RuntimeException e) {
      throw new KeyEncryptionException("The decrypted private key of signing key " + kid + " is not a JWK");
    }
    if (!jwk.isPrivate() || !kid.equals(jwk.getKeyID())) {
      throw new KeyEncryptionException("The decrypted private key of signing key " + kid + " is not that key");
    }
    return jwk;
  }
}
