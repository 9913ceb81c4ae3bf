package dev.gatehouse.infrastructure.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The signing keys: how often they rotate, and the key-encryption key that protects them in the database.
 *
 * @param keyEncryptionKey as configured, never logged; empty when blank
 * @param keyEncryptionKeyFile a file that holds it instead
 */
public record SigningKeySettings(Duration rotation, Duration overlap, Optional<String> keyEncryptionKey,
    Optional<String> keyEncryptionKeyFile) {

  public static final Setting ROTATION = Setting.of("GATEHOUSE_SIGNING_KEY_ROTATION", "P90D",
      "How long a signing key signs before its successor takes over.");
  public static final Setting OVERLAP = Setting.of("GATEHOUSE_SIGNING_KEY_OVERLAP", "P1D",
      "How long a new signing key is published before it signs.");
  public static final Setting KEY_ENCRYPTION_KEY = Setting.optional("GATEHOUSE_KEY_ENCRYPTION_KEY",
      "required on MySQL", "The base64 of 32 bytes that encrypts the private signing keys in the database.");
  public static final Setting KEY_ENCRYPTION_KEY_FILE = Setting.optional("GATEHOUSE_KEY_ENCRYPTION_KEY_FILE", "—",
      "A file that holds the key-encryption key instead.");

  public static SigningKeySettings read(SettingsReader settings) {
    return new SigningKeySettings(settings.duration(ROTATION), settings.duration(OVERLAP),
        settings.raw(KEY_ENCRYPTION_KEY).filter(s -> !s.isBlank()), settings.text(KEY_ENCRYPTION_KEY_FILE));
  }
}
