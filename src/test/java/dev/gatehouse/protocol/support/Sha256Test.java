package dev.gatehouse.protocol.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256Test {

  @Test
  void fips180_4_whenAbcHashed_thenPublishedLowercaseDigest() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
  }

  @Test
  void fips180_4_whenEmptyHashed_thenPublishedDigest() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(""));
  }

  @Test
  void fips180_4_whenNonAsciiHashed_thenUtf8BytesAreHashed() {
    byte[] utf8OfEAcute = {(byte) 0xC3, (byte) 0xA9};
    assertEquals(HexFormat.of().formatHex(Sha256.digest(utf8OfEAcute)), Sha256.hex("\u00e9"));
  }
}
