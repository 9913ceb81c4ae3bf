package dev.gatehouse.protocol.jose;

import static dev.gatehouse.protocol.jose.KeyRotationTest.LIFETIME;
import static dev.gatehouse.protocol.jose.KeyRotationTest.OVERLAP;
import static dev.gatehouse.protocol.jose.KeyRotationTest.POLICY;
import static dev.gatehouse.protocol.jose.KeyRotationTest.ROTATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.protocol.support.MutableClock;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Signing and publishing from the stored keys, across a rotation. */
class SigningKeyRingTest {

  private static final JOSEObjectType ID_TOKEN = JOSEObjectType.JWT;
  private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

  private final MutableClock clock = MutableClock.startingAt2025();
  private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
  private final PrivateKeyCipher cipher = new PrivateKeyCipher(KeyRotationTest.newKek());
  private final KeyRotation rotation = new KeyRotation(store, new SigningKeyGenerator(), cipher, POLICY, clock);
  private final SigningKeyRing ring = new SigningKeyRing(store, cipher, POLICY, clock);

  /** What each node does on its timer: rotate what is due, then re-read the table. */
  private void tick() {
    rotation.rotate();
    ring.refresh();
  }

  private String token(JWSAlgorithm alg) {
    Instant now = clock.instant();
    return ring.sign(new JWTClaimsSet.Builder().issuer("https://gatehouse.test").subject("alice")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME))).build(), alg, ID_TOKEN);
  }

  /** Verifies like a relying party: the key named by the header's kid, from the published JWKS. */
  private static boolean verifies(String compact, JWKSet jwks) throws ParseException, JOSEException {
    SignedJWT jwt = SignedJWT.parse(compact);
    JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
    if (key == null) {
      return false;
    }
    JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(),
        key.getKeyType().getValue().equals("RSA") ? key.toRSAKey().toPublicKey() : key.toECKey().toPublicKey());
    return jwt.verify(verifier);
  }

  private static String kid(String compact) throws ParseException {
    return SignedJWT.parse(compact).getHeader().getKeyID();
  }

  @Test
  void jwks_neverContainsPrivateParts() {
    tick();
    clock.advance(ROTATION.minus(OVERLAP));
    tick();

    JWKSet jwks = ring.publicKeys();

    assertEquals(4, jwks.getKeys().size(), "active and next key of each algorithm");
    for (JWK key : jwks.getKeys()) {
      assertFalse(key.isPrivate(), key.getKeyID());
      assertEquals("sig", key.getKeyUse().identifier());
      assertTrue(Set.of("RS256", "ES256").contains(key.getAlgorithm().getName()));
      for (String member : PRIVATE_MEMBERS) {
        assertFalse(key.toJSONObject().containsKey(member), member + " in " + key.getKeyID());
      }
    }
    for (String member : PRIVATE_MEMBERS) {
      assertFalse(jwks.toString(false).contains("\"" + member + "\""), "even the full serialisation has no " + member);
    }
  }

  @Test
  void rfc7515_whenSigned_thenHeaderCarriesAlgKidAndTypAndThePublishedKeyVerifies() throws Exception {
    tick();
    for (JWSAlgorithm alg : ring.algorithms()) {
      SignedJWT jwt = SignedJWT.parse(token(alg));

      assertEquals(alg, jwt.getHeader().getAlgorithm());
      assertEquals(ID_TOKEN, jwt.getHeader().getType());
      assertEquals(POLICY.signing(store.all(), alg, clock.instant()).orElseThrow().kid(),
          jwt.getHeader().getKeyID());
      assertEquals("alice", jwt.getJWTClaimsSet().getSubject());
      assertTrue(verifies(jwt.serialize(), ring.publicKeys()), alg + " verifies against the JWKS");
    }
    assertEquals(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), ring.algorithms());
  }

  @Test
  void rotation_whenKeyRotates_thenOldTokenStillVerifiesUntilItExpiresAndThenItsKeyIsGone() throws Exception {
    tick();
    clock.advance(ROTATION.minus(OVERLAP));
    tick();
    clock.advance(OVERLAP.minus(LIFETIME.dividedBy(2)));
    String old = token(JWSAlgorithm.RS256);
    clock.advance(LIFETIME.dividedBy(2));
    tick();

    String fresh = token(JWSAlgorithm.RS256);
    assertNotEquals(kid(old), kid(fresh), "new tokens carry the new key's kid");
    assertTrue(verifies(fresh, ring.publicKeys()));

    clock.advance(LIFETIME.dividedBy(2).minusMillis(1));
    tick();
    assertTrue(verifies(old, ring.publicKeys()), "a token of the old key verifies until it expires");

    clock.advance(LIFETIME.dividedBy(2).plusMillis(1));
    tick();
    assertFalse(verifies(old, ring.publicKeys()), "the old key is gone once everything it signed has expired");
    assertEquals(null, ring.publicKeys().getKeyByKeyId(kid(old)));
    assertTrue(verifies(fresh, ring.publicKeys()));
  }

  @Test
  void rotation_whenNextKeyPublished_thenOldKeyStillSignsUntilActivation() throws Exception {
    tick();
    String first = kid(token(JWSAlgorithm.ES256));
    clock.advance(ROTATION.minus(OVERLAP));
    tick();
    assertEquals(2, ring.publicKeys().getKeys().stream()
        .filter(k -> k.getAlgorithm().equals(JWSAlgorithm.ES256)).count(), "the next key is published");

    clock.advance(OVERLAP.minusMillis(1));
    assertEquals(first, kid(token(JWSAlgorithm.ES256)), "one millisecond before activation");
    clock.advance(java.time.Duration.ofMillis(1));
    assertNotEquals(first, kid(token(JWSAlgorithm.ES256)), "at activation, without a refresh in between");
  }

  @Test
  void sign_whenNoKeyLoadedYet_thenRefused() {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("alice").build();
    assertThrows(IllegalStateException.class, () -> ring.sign(claims, JWSAlgorithm.RS256, ID_TOKEN));
  }

  @Test
  void kek_whenKeysWereEncryptedUnderAnotherKek_thenClearErrorAndTheKeysInUseStay() throws Exception {
    tick();
    String kid = kid(token(JWSAlgorithm.RS256));
    SigningKeyRing otherNode = new SigningKeyRing(store, new PrivateKeyCipher(KeyEncryptionKey.parse(
        KeyEncryptionKey.newEncoded(new java.security.SecureRandom()), "GATEHOUSE_KEY_ENCRYPTION_KEY")), POLICY, clock);

    KeyEncryptionException e = assertThrows(KeyEncryptionException.class, otherNode::refresh);
    assertTrue(e.getMessage().contains("GATEHOUSE_KEY_ENCRYPTION_KEY"), e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> otherNode.sign(new JWTClaimsSet.Builder().build(), JWSAlgorithm.RS256, ID_TOKEN));

    clock.advance(ROTATION.minus(OVERLAP));
    rotation.rotate();
    store.replace(withCiphertext(store.all().get(store.all().size() - 1), "not-a-jwe"));
    assertThrows(KeyEncryptionException.class, ring::refresh);
    assertEquals(kid, kid(token(JWSAlgorithm.RS256)), "a failed refresh keeps the keys in use");
  }

  @Test
  void refresh_whenStoredPublicKeyIsNotThePrivateKeysPair_thenRefused() {
    rotation.rotate();
    SigningKey rsa = store.all().stream().filter(k -> k.algorithm().equals(JWSAlgorithm.RS256)).findFirst()
        .orElseThrow();
    JWK other = new SigningKeyGenerator().generate(JWSAlgorithm.RS256);
    store.replace(new SigningKey(rsa.kid(), rsa.algorithm(), other.toPublicJWK().toJSONString(),
        rsa.encryptedPrivateJwk(), rsa.createdAt(), rsa.activatesAt(), null, null));

    assertThrows(KeyEncryptionException.class, ring::refresh);
  }

  private static SigningKey withCiphertext(SigningKey key, String ciphertext) {
    return new SigningKey(key.kid(), key.algorithm(), key.publicJwk(), ciphertext, key.createdAt(),
        key.activatesAt(), key.retiredAt(), key.publishedUntil());
  }
}
