package dev.gatehouse.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** A client's PKCE pair (RFC 7636 §4.1, §4.2), computed independently of the server's code. */
public record Pkce(String verifier, String challenge) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public static Pkce create() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
