package dev.gatehouse.application.keys;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.infrastructure.persistence.DatabaseSettings;
import dev.gatehouse.protocol.jose.JwtSigner;
import dev.gatehouse.protocol.jose.KeyEncryptionException;
import dev.gatehouse.protocol.jose.KeyEncryptionKey;
import dev.gatehouse.protocol.jose.KeyRotation;
import dev.gatehouse.protocol.jose.KeyRotationPolicy;
import dev.gatehouse.protocol.jose.KeyRotationSettings;
import dev.gatehouse.protocol.jose.PrivateKeyCipher;
import dev.gatehouse.protocol.jose.SigningKeyGenerator;
import dev.gatehouse.protocol.jose.SigningKeyRing;
import dev.gatehouse.protocol.jose.SigningKeyStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.gatehouse.infrastructure.config.GatehouseConfig;
import dev.gatehouse.infrastructure.config.KeyEncryptionKeySource;

/**
 * Gatehouse's signing keys on this node: at start-up it makes sure one key per algorithm exists and loads them, then
 * every {@link KeyRotationSettings#refreshInterval()} (a quarter of {@code GATEHOUSE_SIGNING_KEY_OVERLAP}, at most a
 * minute) it rotates what is due ({@link KeyRotation}) and re-reads the table ({@link SigningKeyRing#refresh()}).
 *
 * <p>Why every node switches keys at the same instant: a successor is stored a full overlap before it activates, and
 * every node re-reads the table four times per overlap, so every node holds it before it activates; which key signs
 * is then a function of the table and the clock alone. Any node may create the successor; the rotation lock makes
 * sure only one does ({@code JpaSigningKeyStore}).
 *
 * <p>Start-up fails, with one log line that says what to set, when the key-encryption key is missing or wrong. A
 * failed check later (the database briefly away) is logged and retried at the next tick; the node keeps signing with
 * the keys it holds.
 */
@Singleton
@Startup
@DependsOn("Startup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SigningKeys {

  private static final SafeLog LOG = SafeLog.of(SigningKeys.class);

  @Resource TimerService timers;
  @Inject GatehouseConfig config;
  @Inject SigningKeyStore store;
  @Inject SigningKeyTransactions transactions;
  @Inject Clock clock;

  private final AtomicBoolean running = new AtomicBoolean();
  private KeyRotationSettings settings;
  private KeyRotation rotation;
  private SigningKeyRing ring;
  private KeyEncryptionKey kek;

  @PostConstruct
  void start() {
    try {
      settings = config.keyRotationSettings();
      DatabaseSettings db = DatabaseSettings.load();
      kek = KeyEncryptionKeySource.resolve(
          config.keyEncryptionKey(), config.keyEncryptionKeyFile(), db.embedded(), db.dataDir());
      PrivateKeyCipher cipher = new PrivateKeyCipher(kek);
      KeyRotationPolicy policy = new KeyRotationPolicy(settings);
      rotation = new KeyRotation(store, new SigningKeyGenerator(), cipher, policy, clock);
      ring = new SigningKeyRing(store, cipher, policy, clock);
      check();
    } catch (RuntimeException e) {
      LOG.severe("Gatehouse cannot start: {}", reason(e));
      throw e;
    }
    long interval = settings.refreshInterval().toMillis();
    timers.createIntervalTimer(interval, interval, new TimerConfig("gatehouse-signing-keys", false));
    LOG.info("Signing keys loaded: {} published; rotation every {}, next key published {} before it signs, table"
        + " re-read every {}", ring.publicKeys().getKeys().size(), settings.rotation(), settings.overlap(),
        settings.refreshInterval());
  }

  @Timeout
  void onTimer() {
    if (running.compareAndSet(false, true)) {
      try {
        check();
      } catch (RuntimeException e) {
        LOG.warning(e, "Signing-key check failed; keeping the keys loaded and retrying in {}", settings.refreshInterval());
      } finally {
        running.set(false);
      }
    }
  }

  /** The signer over this node's keys (what {@code @Inject JwtSigner} gets). */
  public JwtSigner signer() {
    return ring;
  }

  /**
   * A key of this deployment's own for {@code purpose}, derived from the key-encryption key ({@link
   * KeyEncryptionKey#derive}): the same on every node that shares the key-encryption key, never stored.
   */
  public byte[] derivedKey(String purpose) {
    return kek.derive(purpose);
  }

  /** How long the JWKS may be cached ({@code Cache-Control: max-age}). */
  public Duration jwksMaxAge() {
    return settings.jwksMaxAge();
  }

  private void check() {
    KeyRotation.Result result = transactions.rotate(rotation);
    if (result.changed()) {
      LOG.info("Signing keys: created {}, retired {}, deleted {}", result.created(), result.retired(), result.deleted());
    }
    transactions.reload(ring);
  }

  /** The message that says what to fix: the key-encryption or settings problem, wherever the container wrapped it. */
  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof KeyEncryptionException || t instanceof IllegalStateException) {
        return t.getMessage();
      }
    }
    return "the signing keys could not be set up: " + e;
  }
}
