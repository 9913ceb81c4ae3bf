package dev.gatehouse.protocol.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The MAC key is HKDF-SHA256 of the cluster secret: checked against RFC 5869's own test vectors. */
class ClusterKeyTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String SECRET = "it-cluster-secret-0123456789abcdefghijklmnop";

  private static byte[] ikm() {
    byte[] ikm = new byte[22];
    Arrays.fill(ikm, (byte) 0x0b);
    return ikm;
  }

  @Test
  void rfc5869_a1_whenTheBasicTestCase_thenTheFirst32BytesOfItsOkm() {
    byte[] okm = ClusterKey.hkdf(HEX.parseHex("000102030405060708090a0b0c"), ikm(), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"));
    assertArrayEquals(HEX.parseHex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"), okm);
  }

  @Test
  void rfc5869_a3_whenSaltAndInfoAreEmpty_thenTheFirst32BytesOfItsOkm() {
    byte[] okm = ClusterKey.hkdf(new byte[0], ikm(), new byte[0]);
    assertArrayEquals(HEX.parseHex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"), okm);
  }

  @Test
  void whenDerived_thenNotTheSecretAndTheSameOnEveryNode() {
    byte[] key = ClusterKey.derive(SECRET).bytes();
    assertEquals(32, key.length);
    assertFalse(Arrays.equals(Arrays.copyOf(SECRET.getBytes(), 32), key), "the key is not the secret");
    assertArrayEquals(key, ClusterKey.derive(SECRET).bytes());
    assertFalse(Arrays.equals(key, ClusterKey.derive(SECRET + "x").bytes()));
  }

  @Test
  void whenTheSecretIsShorterThan32Characters_thenRefused() {
    assertThrows(IllegalArgumentException.class, () -> ClusterKey.derive("a".repeat(31)));
    assertThrows(IllegalArgumentException.class, () -> ClusterKey.derive(null));
  }

  @Test
  void whenPrinted_thenNoKeyMaterial() {
    assertEquals("ClusterKey[hidden]", ClusterKey.derive(SECRET).toString());
  }
}
