package dev.gatehouse.protocol.jose;

/**
 * The key-encryption key is missing, malformed, or not the one the stored signing keys were encrypted with. The
 * message names the setting to fix and never carries key material.
 */
public final class KeyEncryptionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public KeyEncryptionException(String message) {
    super(message);
  }
}
