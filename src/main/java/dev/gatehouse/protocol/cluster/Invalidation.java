package dev.gatehouse.protocol.cluster;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a node tells its peers to forget: a kind (the receiver decides which kinds it knows, such as {@code TOKEN} or
 * {@code CLIENT}) and a key within it (a token hash, a client id). Both are short visible ASCII, so a message stays
 * small whatever the key.
 *
 * @param kind upper-case letters and underscores, at most 32
 * @param key visible ASCII, 1 to 256 characters
 */
public record Invalidation(String kind, String key) {
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{0,31}");
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,256}");

  public Invalidation {
    if (!KIND.matcher(Objects.requireNonNull(kind, "kind")).matches()) {
      throw new IllegalArgumentException("kind must match " + KIND);
    }
    if (!KEY.matcher(Objects.requireNonNull(key, "key")).matches()) {
      throw new IllegalArgumentException("key must be 1 to 256 visible ASCII characters");
    }
  }
}
