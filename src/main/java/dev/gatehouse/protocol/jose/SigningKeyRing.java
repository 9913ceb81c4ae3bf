package dev.gatehouse.protocol.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link JwtSigner} over the stored keys: a snapshot of the key table with every private key decrypted once,
 * replaced as a whole by {@link #refresh()}. Signing and publishing never touch the database; which key signs and
 * which are published is decided at each call, from the snapshot and the clock ({@link KeyRotationPolicy}), so a node
 * switches to a new key at its activation instant, not at its next refresh.
 */
public final class SigningKeyRing implements JwtSigner {

  /** A stored key with its public JWK parsed and its signer built from the decrypted private JWK. */
  private record Loaded(SigningKey key, JWK publicJwk, JWSSigner signer) {}

  private record Snapshot(List<SigningKey> keys, Map<String, Loaded> byKid) {}

  private final SigningKeyStore store;
  private final PrivateKeyCipher cipher;
  private final KeyRotationPolicy policy;
  private final Clock clock;
  private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of());

  public SigningKeyRing(SigningKeyStore store, PrivateKeyCipher cipher, KeyRotationPolicy policy, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.cipher = Objects.requireNonNull(cipher, "cipher");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Re-reads the key table. Keys already loaded keep their decrypted form; new ones are decrypted once.
   *
   * @throws KeyEncryptionException when a new key cannot be decrypted with the key-encryption key; the snapshot in
   *     use stays as it was
   */
  public void refresh() {
    List<SigningKey> keys = store.all();
    Map<String, Loaded> previous = snapshot.byKid();
    Map<String, Loaded> byKid = new HashMap<>();
    for (SigningKey key : keys) {
      Loaded loaded = previous.get(key.kid());
      byKid.put(key.kid(), loaded != null ? new Loaded(key, loaded.publicJwk(), loaded.signer()) : load(key));
    }
    snapshot = new Snapshot(List.copyOf(keys), Map.copyOf(byKid));
  }

  @Override
  public String sign(JWTClaimsSet claims, JWSAlgorithm alg, JOSEObjectType type) {
    Snapshot current = snapshot;
    SigningKey key = policy.signing(current.keys(), alg, clock.instant())
        .orElseThrow(() -> new IllegalStateException("No " + alg + " signing key is loaded"));
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.kid()).type(type).build(), claims);
    try {
      jwt.sign(current.byKid().get(key.kid()).signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign with signing key " + key.kid(), e);
    }
    return jwt.serialize();
  }

  @Override
  public Set<JWSAlgorithm> algorithms() {
    return new LinkedHashSet<>(KeyRotationPolicy.ALGORITHMS);
  }

  @Override
  public JWKSet publicKeys() {
    Snapshot current = snapshot;
    Instant now = clock.instant();
    return new JWKSet(policy.published(current.keys(), now).stream()
        .map(key -> current.byKid().get(key.kid()).publicJwk())
        .toList());
  }

  private Loaded load(SigningKey key) {
    JWK privateJwk = cipher.decrypt(key.kid(), key.encryptedPrivateJwk());
    JWK publicJwk;
    boolean samePair;
    try {
      publicJwk = JWK.parse(key.publicJwk()).toPublicJWK();
      samePair = publicJwk.computeThumbprint().equals(privateJwk.computeThumbprint());
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("The stored public key of signing key " + key.kid() + " is not a JWK", e);
    }
    if (!samePair) {
      throw new KeyEncryptionException("The stored public and private keys of signing key " + key.kid() + " differ");
    }
    return new Loaded(key, publicJwk, signer(key, privateJwk));
  }

  private static JWSSigner signer(SigningKey key, JWK privateJwk) {
    try {
      if (privateJwk instanceof RSAKey rsa && JWSAlgorithm.RS256.equals(key.algorithm())) {
        return new RSASSASigner(rsa);
      }
      if (privateJwk instanceof ECKey ec && JWSAlgorithm.ES256.equals(key.algorithm())) {
        return new ECDSASigner(ec);
      }
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign with signing key " + key.kid(), e);
    }
    throw new IllegalStateException("Signing key " + key.kid() + " is not a key for " + key.algorithm());
  }
}
