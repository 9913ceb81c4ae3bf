package dev.gatehouse.infrastructure.config;

import dev.gatehouse.protocol.jose.KeyRotationSettings;
import dev.gatehouse.protocol.login.ThrottleSettings;
import dev.gatehouse.protocol.session.SessionLifetimes;
import dev.gatehouse.protocol.token.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gatehouse's settings, all from MicroProfile Config, so each is an environment variable of the same name (or a
 * system property, or an entry in {@code microprofile-config.properties}). The README lists them.
 */
@ApplicationScoped
public class GatehouseConfig {

  /** The setting that holds the key-encryption key of the signing keys (base64 or base64url of 32 bytes). */
  public static final String KEK = "GATEHOUSE_KEY_ENCRYPTION_KEY";
  /** The setting that names a file holding the key-encryption key instead. */
  public static final String KEK_FILE = "GATEHOUSE_KEY_ENCRYPTION_KEY_FILE";

  @Inject
  @ConfigProperty(name = "GATEHOUSE_ISSUER", defaultValue = "http://localhost:8080")
  String issuer;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_BOOTSTRAP_FILE")
  Optional<String> bootstrapFile;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_CODE_TTL", defaultValue = "PT1M")
  Duration codeTtl;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_ACCESS_TOKEN_TTL", defaultValue = "PT10M")
  Duration accessTokenTtl;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_REFRESH_TOKEN_TTL", defaultValue = "P30D")
  Duration refreshTokenTtl;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_JWT_ACCESS_TOKEN_AUDIENCE")
  Optional<String> jwtAccessTokenAudience;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_SESSION_IDLE", defaultValue = "PT30M")
  Duration sessionIdle;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_SESSION_MAX", defaultValue = "PT10H")
  Duration sessionMax;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_DYNAMIC_CLIENTS_MAY_CALL_INTERNAL", defaultValue = "false")
  boolean dynamicClientsMayCallInternal;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_LOGOUT_RETRY_INTERVAL", defaultValue = "PT15S")
  Duration logoutRetryInterval;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_LOGOUT_MAX_ATTEMPTS", defaultValue = "10")
  int logoutMaxAttempts;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_LOGOUT_TIMEOUT", defaultValue = "PT5S")
  Duration logoutTimeout;

  /** RFC 9700 §4.14.2: off by default, so that any reuse of a rotated refresh token revokes its grant. */
  @Inject
  @ConfigProperty(name = "GATEHOUSE_REFRESH_REUSE_GRACE", defaultValue = "PT0S")
  Duration refreshReuseGrace;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_ID_TOKEN_TTL", defaultValue = "PT10M")
  Duration idTokenTtl;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_SIGNING_KEY_ROTATION", defaultValue = "P90D")
  Duration signingKeyRotation;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_SIGNING_KEY_OVERLAP", defaultValue = "P1D")
  Duration signingKeyOverlap;

  @Inject
  @ConfigProperty(name = KEK)
  Optional<String> keyEncryptionKey;

  @Inject
  @ConfigProperty(name = KEK_FILE)
  Optional<String> keyEncryptionKeyFile;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_BRAND_NAME", defaultValue = "Gatehouse")
  String brandName;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_BRAND_DIR")
  Optional<String> brandDir;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_DEMO", defaultValue = "auto")
  String demo;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_PURGE_INTERVAL", defaultValue = "PT5M")
  Duration purgeInterval;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_PURGE_RETENTION", defaultValue = "PT1H")
  Duration purgeRetention;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_PURGE_BATCH", defaultValue = "500")
  int purgeBatch;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_LOGIN_MAX_FAILURES", defaultValue = "5")
  int loginMaxFailures;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_LOGIN_ADDRESS_MAX_FAILURES", defaultValue = "20")
  int loginAddressMaxFailures;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_LOGIN_WINDOW", defaultValue = "PT15M")
  Duration loginWindow;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_LOGIN_LOCKOUT", defaultValue = "PT5M")
  Duration loginLockout;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_LOGIN_LOCKOUT_MAX", defaultValue = "PT1H")
  Duration loginLockoutMax;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_LOGIN_MAX_DELAY", defaultValue = "PT4S")
  Duration loginMaxDelay;

  /**
   * The issuer identifier exactly as configured (RFC 8414 §2: https, no query or fragment; http is accepted for
   * localhost development). Never derived from request headers.
   */
  public String issuer() {
    String value = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    URI uri = URI.create(value);
    if (uri.getScheme() == null || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalStateException("GATEHOUSE_ISSUER must be an absolute https URL without query or fragment");
    }
    return value;
  }

  public Optional<String> bootstrapFile() {
    return bootstrapFile.map(String::trim).filter(s -> !s.isEmpty());
  }

  public TokenSettings tokenSettings() {
    return new TokenSettings(codeTtl, accessTokenTtl, refreshTokenTtl, refreshReuseGrace);
  }

  /** Lifetime of an ID token (OIDC Core §2 {@code exp}). */
  public Duration idTokenTtl() {
    return requirePositive(idTokenTtl, "GATEHOUSE_ID_TOKEN_TTL");
  }

  /**
   * Rotation of the signing keys: {@code GATEHOUSE_SIGNING_KEY_ROTATION} and {@code GATEHOUSE_SIGNING_KEY_OVERLAP};
   * a retired key stays published for the longest lifetime of anything signed (ID and access tokens).
   */
  public KeyRotationSettings keyRotationSettings() {
    try {
      return KeyRotationSettings.of(signingKeyRotation, signingKeyOverlap, idTokenTtl(), accessTokenTtl);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("GATEHOUSE_SIGNING_KEY_ROTATION / GATEHOUSE_SIGNING_KEY_OVERLAP: "
          + e.getMessage(), e);
    }
  }

  /** The key-encryption key as configured ({@link #KEK}); never log it. */
  public Optional<String> keyEncryptionKey() {
    return keyEncryptionKey.filter(s -> !s.isBlank());
  }

  /** The file holding the key-encryption key ({@link #KEK_FILE}). */
  public Optional<String> keyEncryptionKeyFile() {
    return keyEncryptionKeyFile.map(String::trim).filter(s -> !s.isEmpty());
  }

  /**
   * The {@code aud} of JWT access tokens (RFC 9068 §3: "a default resource indicator"): the resource servers that
   * accept them; the issuer unless configured.
   */
  public String jwtAccessTokenAudience() {
    return jwtAccessTokenAudience.map(String::trim).filter(s -> !s.isEmpty()).orElseGet(this::issuer);
  }

  /**
   * SSO session lifetimes: idle (without use) and absolute. Use is recorded at most once a minute, or once per tenth
   * of the idle lifetime when that is shorter.
   */
  public SessionLifetimes sessionLifetimes() {
    Duration touch = sessionIdle.dividedBy(10).compareTo(Duration.ofMinutes(1)) < 0
        ? sessionIdle.dividedBy(10) : Duration.ofMinutes(1);
    return new SessionLifetimes(sessionIdle, sessionMax, touch);
  }

  /** Whether URIs of dynamically registered clients may point at internal addresses ({@code OutboundGuard}). */
  public boolean dynamicClientsMayCallInternal() {
    return dynamicClientsMayCallInternal;
  }

  /** How often failed back-channel logout notifications are looked at again. */
  public Duration logoutRetryInterval() {
    return logoutRetryInterval;
  }

  /** Attempts per back-channel logout notification before it is given up. */
  public int logoutMaxAttempts() {
    return logoutMaxAttempts;
  }

  /**
   * How long a relying party may stay silent before it answers a back-channel logout notification; one attempt may
   * take twice as long in all.
   */
  public Duration logoutTimeout() {
    return logoutTimeout;
  }

  /** The product name on every page. */
  public String brandName() {
    return brandName.isBlank() ? "Gatehouse" : brandName.trim();
  }

  /** A folder with the operator's {@code logo.svg|png|jpg} and {@code brand.css}, if any. */
  public Optional<String> brandDir() {
    return brandDir.map(String::trim).filter(s -> !s.isEmpty());
  }

  /** How often expired and revoked rows are purged. */
  public Duration purgeInterval() {
    return purgeInterval;
  }

  /** How long an expired or revoked row is kept before the purge deletes it. */
  public Duration purgeRetention() {
    return purgeRetention;
  }

  /** Rows deleted per purge transaction. */
  public int purgeBatch() {
    return purgeBatch;
  }

  /** Sign-in protection: the {@code GATEHOUSE_LOGIN_*} settings (see {@code LoginThrottle}). */
  public ThrottleSettings throttleSettings() {
    try {
      return new ThrottleSettings(loginMaxFailures, loginAddressMaxFailures, loginWindow, loginLockout,
          loginLockoutMax, loginMaxDelay);
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
    return switch (demo.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "on" -> true;
      case "false", "off" -> false;
      default -> embeddedDatabase;
    };
  }
}
