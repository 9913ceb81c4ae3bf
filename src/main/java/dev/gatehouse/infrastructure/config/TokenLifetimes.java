package dev.gatehouse.infrastructure.config;

import java.time.Duration;
import java.util.Optional;

/**
 * What the token endpoint issues: the lifetimes of codes and tokens, the refresh-token reuse window, and the default
 * audience of access tokens.
 *
 * @param refreshReuseGrace RFC 9700 §4.14.2: zero by default, so that any reuse of a rotated refresh token revokes
 *     its grant
 * @param jwtAccessTokenAudience RFC 9068 §3's "default resource indicator"; the issuer when unset
 */
public record TokenLifetimes(Duration code, Duration accessToken, Duration refreshToken, Duration refreshReuseGrace,
    Duration idToken, Optional<String> jwtAccessTokenAudience) {

  public static final Setting CODE_TTL = Setting.of("GATEHOUSE_CODE_TTL", "PT1M",
      "Lifetime of an authorization code.");
  public static final Setting ACCESS_TOKEN_TTL = Setting.of("GATEHOUSE_ACCESS_TOKEN_TTL", "PT10M",
      "Lifetime of an access token.");
  public static final Setting REFRESH_TOKEN_TTL = Setting.of("GATEHOUSE_REFRESH_TOKEN_TTL", "P30D",
      "Lifetime of a refresh token, counted from when it is issued.");
  public static final Setting REFRESH_REUSE_GRACE = Setting.of("GATEHOUSE_REFRESH_REUSE_GRACE", "PT0S",
      "How long a rotated refresh token may be reused without revoking its grant; off by default.");
  public static final Setting ID_TOKEN_TTL = Setting.of("GATEHOUSE_ID_TOKEN_TTL", "PT10M",
      "Lifetime of an ID token.");
  public static final Setting JWT_ACCESS_TOKEN_AUDIENCE = Setting.optional("GATEHOUSE_JWT_ACCESS_TOKEN_AUDIENCE",
      "the issuer", "The aud of access tokens whose request named no resource.");

  public static TokenLifetimes read(SettingsReader settings) {
    return new TokenLifetimes(settings.duration(CODE_TTL), settings.duration(ACCESS_TOKEN_TTL),
        settings.duration(REFRESH_TOKEN_TTL), settings.duration(REFRESH_REUSE_GRACE),
        settings.duration(ID_TOKEN_TTL), settings.text(JWT_ACCESS_TOKEN_AUDIENCE));
  }
}
