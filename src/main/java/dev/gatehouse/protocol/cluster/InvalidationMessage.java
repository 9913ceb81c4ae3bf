package dev.gatehouse.protocol.cluster;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import dev.gatehouse.protocol.cluster.InvalidationReceiver.Verdict;
import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The wire form of one cache invalidation: a compact JWS, {@code HS256} under the {@link ClusterKey}, with the header
 * {@code {"alg":"HS256","typ":"gatehouse-cache-invalidation+jwt"}} and exactly these claims: {@code ver} (the format
 * version, {@value #VERSION}), {@code kind} and {@code key} (the {@link Invalidation}), {@code iat} (the sender's time,
 * seconds since the epoch) and {@code jti} (a random nonce). The MAC covers all of them. It travels as the whole body
 * of a {@code POST}, at most {@value #MAX_LENGTH} characters.
 *
 * <p>{@link #open} checks the form and the MAC only (and reads no claim before the MAC is right); whether the message
 * is fresh and new is the {@link InvalidationReceiver}'s to decide.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7515#section-7.1">RFC 7515 §7.1 (compact serialization)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7519#section-4.1.6">RFC 7519 §4.1.6 (iat), §4.1.7 (jti)</a>
 */
public final class InvalidationMessage {
  /** The format version this node writes and accepts. */
  public static final int VERSION = 1;
  /** The longest message accepted, in characters (a message with the longest key is under 2,000). */
  public static final int MAX_LENGTH = 4096;
  /** The media type of the body (RFC 7515 §9.2.1). */
  public static final String MEDIA_TYPE = "application/jose";

  static final JOSEObjectType TYPE = new JOSEObjectType("gatehouse-cache-invalidation+jwt");
  private static final JWSHeader HEADER = new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build();
  private static final Set<String> HEADER_PARAMETERS = Set.of("alg", "typ");
  private static final Set<String> CLAIMS = Set.of("ver", "kind", "key", "iat", "jti");
  private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22,64}");

  private InvalidationMessage() {}

  /**
   * What a message says.
   *
   * @param sentAt the sender's clock when it sent the message (sent and read in whole seconds)
   * @param nonce 22 to 64 base64url characters, never used twice
   */
  public record Content(Invalidation invalidation, Instant sentAt, String nonce) {
    public Content {
      Objects.requireNonNull(invalidation, "invalidation");
      Objects.requireNonNull(sentAt, "sentAt");
      if (!NONCE.matcher(Objects.requireNonNull(nonce, "nonce")).matches()) {
        throw new IllegalArgumentException("nonce must be 22 to 64 base64url characters");
      }
    }
  }

  /** The message for {@code content}, MAC'd with {@code key}. */
  public static String sign(Content content, ClusterKey key) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("ver", VERSION);
    claims.put("kind", content.invalidation().kind());
    claims.put("key", content.invalidation().key());
    claims.put("iat", content.sentAt().getEpochSecond());
    claims.put("jti", content.nonce());
    JWSObject jws = new JWSObject(HEADER, new Payload(claims));
    try {
      jws.sign(new MACSigner(key.bytes()));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot MAC a cache invalidation", e);
    }
    return jws.serialize();
  }

  /**
   * The content of {@code message} when it has this format and its MAC under {@code key} is right.
   *
   * @throws Refused {@link Verdict#MALFORMED} or {@link Verdict#FORGED}
   */
  static Content open(String message, ClusterKey key) throws Refused {
    if (message == null || message.length() > MAX_LENGTH || !COMPACT.matcher(message).matches()) {
      throw new Refused(Verdict.MALFORMED);
    }
    JWSObject jws;
    try {
      jws = JWSObject.parse(message);
    } catch (ParseException | RuntimeException e) {
      throw new Refused(Verdict.MALFORMED);
    }
    JWSHeader header = jws.getHeader();
    if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || !TYPE.equals(header.getType())
        || !HEADER_PARAMETERS.equals(header.getIncludedParams())) {
      throw new Refused(Verdict.MALFORMED);
    }
    boolean authentic;
    try {
      authentic = jws.verify(new MACVerifier(key.bytes())); // constant-time comparison of the MACs
    } catch (JOSEException | RuntimeException e) {
      authentic = false;
    }
    if (!authentic) {
      throw new Refused(Verdict.FORGED);
    }
    return content(jws.getPayload());
  }

  /** The claims of an authenticated payload: exactly the five, each of its type. */
  private static Content content(Payload payload) throws Refused {
    try {
      Map<String, Object> claims = payload.toJSONObject();
      if (claims == null || !CLAIMS.equals(claims.keySet())
          || !(claims.get("ver") instanceof Long version) || version != VERSION
          || !(claims.get("kind") instanceof String kind) || !(claims.get("key") instanceof String key)
          || !(claims.get("iat") instanceof Long sentAt) || !(claims.get("jti") instanceof String nonce)) {
        throw new Refused(Verdict.MALFORMED);
      }
      return new Content(new Invalidation(kind, key), Instant.ofEpochSecond(sentAt), nonce);
    } catch (RuntimeException e) {
      throw new Refused(Verdict.MALFORMED);
    }
  }

  /** Why a message was not accepted; without a stack trace, since anyone can cause one. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final Verdict verdict;

    Refused(Verdict verdict) {
      super(verdict.name(), null, false, false);
      this.verdict = verdict;
    }

    Verdict verdict() {
      return verdict;
    }
  }
}
