package dev.gatehouse.protocol.support;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * State the browser carries for the server instead of the server keeping it: a JSON object sealed into a compact JWE
 * ({@code dir}, {@code A256GCM}; RFC 7516) of one {@code typ}, with the time it was sealed, under a 32-byte key the
 * same on every node of a cluster (derived from the key-encryption key for one purpose). Authenticated encryption:
 * the browser can neither read nor change what it carries, and a value sealed for one purpose (its {@code typ} and
 * key) never opens as another's. A seal opens for its {@link #lifetime()} after it was made, and not at all when it
 * claims to be made more than a minute in the future.
 *
 * <p>Why the browser and not the HTTP session: nothing is kept on the server for anyone who asks, any node opens what
 * another sealed (no sticky sessions), and the container's session cookie, whose attributes not every server lets an
 * application set (Payara 6 drops its {@code SameSite}), is never issued.
 */
public final class Seal {
  /** The longest sealed value {@link #open} looks at; anything longer is not one of ours. */
  public static final int MAX_SEALED = 8 * 1024;
  private static final String SEALED_AT = "t";

  /** What a seal held, and when it was made. */
  public record Opened(Map<String, Object> content, Instant sealedAt) {}

  private final byte[] key;
  private final JOSEObjectType type;
  private final Duration lifetime;
  private final Clock clock;

  /** {@code key}: 32 bytes, the same on every node; {@code type}: the JWE {@code typ} that names the purpose. */
  public Seal(byte[] key, String type, Duration lifetime, Clock clock) {
    if (key.length != 32) {
      throw new IllegalArgumentException("A256GCM needs a 256-bit key");
    }
    this.key = key.clone();
    this.type = new JOSEObjectType(Objects.requireNonNull(type, "type"));
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** Seals {@code content} (JSON values only; the name {@code t} is the seal's own) as made now. */
  public String close(Map<String, ?> content) {
    return close(content, clock.instant());
  }

  /** Seals {@code content} as made at {@code sealedAt}. */
  public String close(Map<String, ?> content, Instant sealedAt) {
    Map<String, Object> payload = new LinkedHashMap<>(content);
    payload.put(SEALED_AT, sealedAt.toEpochMilli());
    JWEObject jwe = new JWEObject(
        new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).type(type).build(), new Payload(payload));
    try {
      jwe.encrypt(new DirectEncrypter(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("A256GCM is available in every Java runtime", e);
    }
    return jwe.serialize();
  }

  /**
   * What {@code sealed} holds, or empty when it is not a seal of this purpose under this key, was changed, is older
   * than the lifetime or dated in the future. Never throws on any input.
   */
  public Optional<Opened> open(String sealed) {
    if (sealed == null || sealed.isEmpty() || sealed.length() > MAX_SEALED) {
      return Optional.empty();
    }
    try {
      JWEObject jwe = JWEObject.parse(sealed);
      JWEHeader header = jwe.getHeader();
      if (!JWEAlgorithm.DIR.equals(header.getAlgorithm())
          || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod()) || !type.equals(header.getType())
          || header.getCompressionAlgorithm() != null) {
        return Optional.empty();
      }
      jwe.decrypt(new DirectDecrypter(key));
      Map<String, Object> payload = jwe.getPayload().toJSONObject();
      if (payload == null || !(payload.remove(SEALED_AT) instanceof Number millis)) {
        return Optional.empty();
      }
      Instant sealedAt = Instant.ofEpochMilli(millis.longValue());
      Instant now = clock.instant();
      if (sealedAt.plus(lifetime).isBefore(now) || sealedAt.isAfter(now.plus(Duration.ofMinutes(1)))) {
        return Optional.empty();
      }
      return Optional.of(new Opened(payload, sealedAt));
    } catch (ParseException | JOSEException | RuntimeException notOurs) {
      return Optional.empty();
    }
  }
}
