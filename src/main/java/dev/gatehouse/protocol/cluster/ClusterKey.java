package dev.gatehouse.protocol.cluster;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The key that authenticates cache invalidations between nodes: HKDF-SHA256 (RFC 5869) of {@code
 * GATEHOUSE_CLUSTER_SECRET}, with a label of its own as {@code info}. The secret stays on the node; the MAC key serves
 * this one purpose (another use of the same secret would derive another key). No {@code toString()} shows the key.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5869#section-2">RFC 5869 §2 (HKDF)</a>
 */
public final class ClusterKey {
  /** The shortest secret accepted, in characters. */
  public static final int MIN_SECRET_LENGTH = 32;

  private static final int HASH_LENGTH = 32;
  private static final byte[] INFO = "gatehouse cluster cache invalidation v1".getBytes(StandardCharsets.US_ASCII);
  private static final JWSHeader HMAC_SHA256 = new JWSHeader(JWSAlgorithm.HS256);

  private final byte[] bytes;

  private ClusterKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The MAC key of {@code secret}.
   *
   * @throws IllegalArgumentException when the secret is missing or shorter than {@link #MIN_SECRET_LENGTH}
   */
  public static ClusterKey derive(String secret) {
    if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException("the cluster secret needs at least " + MIN_SECRET_LENGTH + " characters");
    }
    return new ClusterKey(hkdf(new byte[0], secret.getBytes(StandardCharsets.UTF_8), INFO));
  }

  /** The key bytes (a copy), for Nimbus's MAC signer and verifier. */
  byte[] bytes() {
    return bytes.clone();
  }

  /**
   * HKDF-SHA256 with an output of one hash length (32 bytes): "PRK = HMAC-Hash(salt, IKM)", then "T(1) =
   * HMAC-Hash(PRK, T(0) | info | 0x01)" with T(0) empty (RFC 5869 §2.2, §2.3). An empty salt is "a string of HashLen
   * zeros".
   */
  static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info) {
    byte[] prk = hmac(salt, ikm);
    byte[] block = Arrays.copyOf(info, info.length + 1);
    block[info.length] = 0x01;
    return hmac(prk, block);
  }

  /**
   * HMAC-SHA256 through Nimbus. HMAC pads a key shorter than the hash's block with zeros (RFC 2104 §2), so padding it to
   * 32 bytes first gives the same MAC and meets Nimbus's minimum key length for HS256.
   */
  private static byte[] hmac(byte[] key, byte[] data) {
    byte[] padded = key.length >= HASH_LENGTH ? key : Arrays.copyOf(key, HASH_LENGTH);
    try {
      return new MACSigner(padded).sign(HMAC_SHA256, data).decode();
    } catch (JOSEException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "ClusterKey[hidden]";
  }
}
