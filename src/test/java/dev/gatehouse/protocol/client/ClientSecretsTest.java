package dev.gatehouse.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientSecretsTest {

  @Test
  void rfc6749_2_3_1_whenHashed_thenSha256PrefixAnd64LowercaseHex() {
    String hash = ClientSecrets.hash(TestClients.SECRET);

    assertTrue(hash.matches("sha256:[0-9a-f]{64}"), hash);
    assertFalse(hash.contains(TestClients.SECRET));
  }

  @Test
  void rfc6749_2_3_1_whenSecretMatchesHash_thenTrueOtherwiseFalse() {
    String hash = ClientSecrets.hash(TestClients.SECRET);

    assertTrue(ClientSecrets.matches(TestClients.SECRET, hash));
    assertFalse(ClientSecrets.matches(TestClients.SECRET.substring(1), hash));
    assertFalse(ClientSecrets.matches(null, hash));
    assertFalse(ClientSecrets.matches(TestClients.SECRET, null));
  }

  @Test
  void rfc6749_10_10_whenSecretShorterThanMinimum_thenRefusedAtHashing() {
    assertThrows(IllegalArgumentException.class, () -> ClientSecrets.hash("x".repeat(ClientSecrets.MIN_LENGTH - 1)));
  }

  @Test
  void rfc6749_10_10_whenGenerated_then256BitsAndAcceptedByHash() {
    String a = ClientSecrets.generate();
    String b = ClientSecrets.generate();

    assertEquals(43, a.length());
    assertNotEquals(a, b);
    assertTrue(ClientSecrets.matches(a, ClientSecrets.hash(a)));
  }
}
