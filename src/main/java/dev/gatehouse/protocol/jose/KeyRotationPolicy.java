package dev.gatehouse.protocol.jose;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rotation rules, as pure functions of the stored keys and {@code now}. Every node applies them to the same table,
 * so every node signs with the same key at the same instant, and publishes the same keys.
 *
 * <ul>
 *   <li><b>Signing:</b> per algorithm, the key that activated last ({@code activatesAt <= now}; ties by kid). A key
 *       that exists always signs rather than none: before any key of the algorithm has activated (a node whose clock
 *       is a little behind the one that created the first key), the earliest one signs.
 *   <li><b>Published:</b> every key until its {@code publishedUntil}: the next key from the moment it is stored, the
 *       active key, and each retired key until every token it signed has expired. The key that signs always is.
 *   <li><b>Due:</b> a successor is created when the active key has signed for {@code rotation - overlap} and no
 *       successor exists; it activates at {@code activatesAt + rotation}, but never sooner than {@code overlap} from
 *       now, so it is always published for the full overlap before it signs (even when every node was down when it
 *       was due). An algorithm without any key gets one that activates at once: there is nothing to overlap with.
 *   <li><b>Retired:</b> a key is retired when its successor activates, and stays published for
 *       {@code maxTokenLifetime} after that.
 *   <li><b>Deletable:</b> a key past its {@code publishedUntil}; never the key that signs.
 * </ul>
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RotateSigKeys">OIDC Core §10.1.1 (rotation of
 *     asymmetric signing keys)</a>
 */
public final class KeyRotationPolicy {

  /** The algorithms Gatehouse keeps a key for: RS256 (the OIDC default) and ES256. */
  public static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  private static final Comparator<SigningKey> BY_ACTIVATION =
      Comparator.comparing(SigningKey::activatesAt).thenComparing(SigningKey::kid);

  /** A key to create: its algorithm and when it starts to sign. */
  public record Due(JWSAlgorithm algorithm, Instant activatesAt) {}

  private final KeyRotationSettings settings;

  public KeyRotationPolicy(KeyRotationSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public KeyRotationSettings settings() {
    return settings;
  }

  /** The key that signs for {@code alg} at {@code now}, if any key of that algorithm exists. */
  public Optional<SigningKey> signing(List<SigningKey> keys, JWSAlgorithm alg, Instant now) {
    List<SigningKey> ofAlg = ofAlgorithm(keys, alg);
    Optional<SigningKey> activated = ofAlg.stream().filter(k -> !k.activatesAt().isAfter(now)).reduce((a, b) -> b);
    return activated.isPresent() ? activated : ofAlg.stream().findFirst();
  }

  /**
   * The keys in the JWKS at {@code now}, ordered by algorithm (as {@link #ALGORITHMS}), then activation. The key that
   * signs is always among them.
   */
  public List<SigningKey> published(List<SigningKey> keys, Instant now) {
    List<SigningKey> published = new ArrayList<>();
    for (JWSAlgorithm alg : ALGORITHMS) {
      Optional<SigningKey> signing = signing(keys, alg, now);
      ofAlgorithm(keys, alg).stream()
          .filter(k -> k.publishedAt(now) || signing.map(k::equals).orElse(false))
          .forEach(published::add);
    }
    return published;
  }

  /** The keys to create at {@code now}, at most one per algorithm. */
  public List<Due> due(List<SigningKey> keys, Instant now) {
    List<Due> due = new ArrayList<>();
    for (JWSAlgorithm alg : ALGORITHMS) {
      List<SigningKey> ofAlg = ofAlgorithm(keys, alg);
      if (ofAlg.isEmpty()) {
        due.add(new Due(alg, now));
        continue;
      }
      SigningKey last = ofAlg.get(ofAlg.size() - 1);
      boolean successorExists = last.activatesAt().isAfter(now);
      Instant successorCreated = last.activatesAt().plus(settings.rotation()).minus(settings.overlap());
      if (!successorExists && !now.isBefore(successorCreated)) {
        Instant planned = last.activatesAt().plus(settings.rotation());
        Instant earliest = now.plus(settings.overlap());
        due.add(new Due(alg, planned.isBefore(earliest) ? earliest : planned));
      }
    }
    return due;
  }

  /** The keys with a successor but no recorded retirement, retired as the successor activates. */
  public List<SigningKey> retirements(List<SigningKey> keys) {
    List<SigningKey> retired = new ArrayList<>();
    for (JWSAlgorithm alg : ALGORITHMS) {
      List<SigningKey> ofAlg = ofAlgorithm(keys, alg);
      for (int i = 0; i + 1 < ofAlg.size(); i++) {
        if (ofAlg.get(i).publishedUntil() == null) {
          retired.add(ofAlg.get(i).retire(ofAlg.get(i + 1).activatesAt(), settings.maxTokenLifetime()));
        }
      }
    }
    return retired;
  }

  /** The kids of the keys that may be deleted at {@code now}: those no longer published. */
  public List<String> deletable(List<SigningKey> keys, Instant now) {
    List<String> published = published(keys, now).stream().map(SigningKey::kid).toList();
    return keys.stream().filter(k -> ALGORITHMS.contains(k.algorithm())).map(SigningKey::kid)
        .filter(kid -> !published.contains(kid)).toList();
  }

  private static List<SigningKey> ofAlgorithm(List<SigningKey> keys, JWSAlgorithm alg) {
    return keys.stream().filter(k -> k.algorithm().equals(alg)).sorted(BY_ACTIVATION).toList();
  }
}
