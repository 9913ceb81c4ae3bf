package dev.gatehouse.infrastructure.config;

import dev.gatehouse.infrastructure.config.BrandSettings;
import dev.gatehouse.infrastructure.config.LogoutSettings;
import dev.gatehouse.infrastructure.config.PurgeSettings;
import dev.gatehouse.infrastructure.config.ServerSettings;
import dev.gatehouse.infrastructure.config.SessionSettings;
import dev.gatehouse.infrastructure.config.SettingsReader;
import dev.gatehouse.infrastructure.config.SignInSettings;
import dev.gatehouse.infrastructure.config.SigningKeySettings;
import dev.gatehouse.infrastructure.config.TokenLifetimes;
import dev.gatehouse.protocol.jose.KeyRotationSettings;
import dev.gatehouse.protocol.login.ThrottleSettings;
import dev.gatehouse.protocol.session.SessionLifetimes;
import dev.gatehouse.protocol.token.TokenSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The settings of the OAuth and OpenID Connect server itself, per feature ({@link ServerSettings}, {@link
 * TokenLifetimes}, {@link SigningKeySettings}, {@link SessionSettings}, {@link LogoutSettings}, {@link
 * SignInSettings}, {@link BrandSettings}, {@link PurgeSettings}), read once through {@link SettingsReader} and checked
 * here where a check needs more than one of them. Until the container reads them, every one has its default.
 */
@ApplicationScoped
public class GatehouseConfig {

  /** The setting that holds the key-encryption key of the signing keys (base64 or base64url of 32 bytes). */
  public static final String KEK = SigningKeySettings.KEY_ENCRYPTION_KEY.name();
  /** The setting that names a file holding the key-encryption key instead. */
  public static final String KEK_FILE = SigningKeySettings.KEY_ENCRYPTION_KEY_FILE.name();

  ServerSettings server;
  TokenLifetimes tokens;
  SigningKeySettings keys;
  SessionSettings sessions;
  LogoutSettings logout;
  SignInSettings signIn;
  BrandSettings brand;
  PurgeSettings purge;

  public GatehouseConfig() {
    read(SettingsReader.defaults());
  }

  @PostConstruct
  void read() {
    read(SettingsReader.microProfileConfig());
  }

  void read(SettingsReader settings) {
    server = ServerSettings.read(settings);
    tokens = TokenLifetimes.read(settings);
    keys = SigningKeySettings.read(settings);
    sessions = SessionSettings.read(settings);
    logout = LogoutSettings.read(settings);
    signIn = SignInSettings.read(settings);
    brand = BrandSettings.read(settings);
    purge = PurgeSettings.read(settings);
  }

  /**
   * The issuer identifier exactly as configured (RFC 8414 §2: https, no query or fragment; http is accepted for
   * localhost development). Never derived from request headers.
   */
  public String issuer() {
    String issuer = server.issuer();
    String value = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    URI uri = URI.create(value);
    if (uri.getScheme() == null || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalStateException("GATEHOUSE_ISSUER must be an absolute https URL without query or fragment");
    }
    return value;
  }

  public Optional<String> bootstrapFile() {
    return server.bootstrapFile();
  }

  public TokenSettings tokenSettings() {
    return new TokenSettings(tokens.code(), tokens.accessToken(), tokens.refreshToken(), tokens.refreshReuseGrace());
  }

  /** Lifetime of an ID token (OIDC Core §2 {@code exp}). */
  public Duration idTokenTtl() {
    return requirePositive(tokens.idToken(), "GATEHOUSE_ID_TOKEN_TTL");
  }

  /**
   * Rotation of the signing keys: {@code GATEHOUSE_SIGNING_KEY_ROTATION} and {@code GATEHOUSE_SIGNING_KEY_OVERLAP};
   * a retired key stays published for the longest lifetime of anything signed (ID and access tokens).
   */
  public KeyRotationSettings keyRotationSettings() {
    try {
      return KeyRotationSettings.of(keys.rotation(), keys.overlap(), idTokenTtl(), tokens.accessToken());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("GATEHOUSE_SIGNING_KEY_ROTATION / GATEHOUSE_SIGNING_KEY_OVERLAP: "
          + e.getMessage(), e);
    }
  }

  /** The key-encryption key as configured ({@link #KEK}); never log it. */
  public Optional<String> keyEncryptionKey() {
    return keys.keyEncryptionKey();
  }

  /** The file holding the key-encryption key ({@link #KEK_FILE}). */
  public Optional<String> keyEncryptionKeyFile() {
    return keys.keyEncryptionKeyFile();
  }

  /**
   * The {@code aud} of JWT access tokens (RFC 9068 §3: "a default resource indicator"): the resource servers that
   * accept them; the issuer unless configured.
   */
  public String jwtAccessTokenAudience() {
    return tokens.jwtAccessTokenAudience().orElseGet(this::issuer);
  }

  /**
   * SSO session lifetimes: idle (without use) and absolute. Use is recorded at most once a minute, or once per tenth
   * of the idle lifetime when that is shorter.
   */
  public SessionLifetimes sessionLifetimes() {
    Duration sessionIdle = sessions.idle();
    Duration touch = sessionIdle.dividedBy(10).compareTo(Duration.ofMinutes(1)) < 0
        ? sessionIdle.dividedBy(10) : Duration.ofMinutes(1);
    return new SessionLifetimes(sessionIdle, sessions.max(), touch);
  }

  /** Whether URIs of dynamically registered clients may point at internal addresses ({@code OutboundGuard}). */
  public boolean dynamicClientsMayCallInternal() {
    return logout.dynamicClientsMayCallInternal();
  }

  /** How often failed back-channel logout notifications are looked at again. */
  public Duration logoutRetryInterval() {
    return logout.retryInterval();
  }

  /** Attempts per back-channel logout notification before it is given up. */
  public int logoutMaxAttempts() {
    return logout.maxAttempts();
  }

  /**
   * How long a relying party may stay silent before it answers a back-channel logout notification; one attempt may
   * take twice as long in all.
   */
  public Duration logoutTimeout() {
    return logout.timeout();
  }

  /**
   * How long an RP-initiated logout waits, in all, for its own back-channel notifications before the browser is
   * answered; zero: not at all.
   */
  public Duration logoutWait() {
    return logout.waitBound();
  }

  /** The product name on every page. */
  public String brandName() {
    String brandName = brand.name();
    return brandName.isBlank() ? "Gatehouse" : brandName.trim();
  }

  /** A folder with the operator's {@code logo.svg|png|jpg} and {@code brand.css}, if any. */
  public Optional<String> brandDir() {
    return brand.dir();
  }

  /** How often expired and revoked rows are purged. */
  public Duration purgeInterval() {
    return purge.interval();
  }

  /** How long an expired or revoked row is kept before the purge deletes it. */
  public Duration purgeRetention() {
    return purge.retention();
  }

  /** Rows deleted per purge transaction. */
  public int purgeBatch() {
    return purge.batch();
  }

  /** Sign-in protection: the {@code GATEHOUSE_LOGIN_*} settings (see {@code LoginThrottle}). */
  public ThrottleSettings throttleSettings() {
    try {
      return new ThrottleSettings(signIn.maxFailures(), signIn.addressMaxFailures(), signIn.window(),
          signIn.lockout(), signIn.lockoutMax(), signIn.maxDelay());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("GATEHOUSE_LOGIN_*: " + e.getMessage(), e);
    }
  }

  private static Duration requirePositive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalStateException(name + " must be a positive ISO-8601 duration, got " + value);
    }
    return value;
  }

  /** Whether the demo client, user and pages exist: {@code auto} means on the embedded default only. */
  public boolean demoEnabled(boolean embeddedDatabase) {
    return switch (server.demo().trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "on" -> true;
      case "false", "off" -> false;
      default -> embeddedDatabase;
    };
  }
}
