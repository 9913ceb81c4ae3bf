package dev.gatehouse.infrastructure.cache;

import dev.gatehouse.infrastructure.config.Setting;
import dev.gatehouse.infrastructure.config.SettingsReader;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * {@code GATEHOUSE_CACHE_MAX_AGE} (ISO-8601, default {@code PT30S}): how long a node serves a cached access token or
 * client without asking the database again. It bounds how stale a node can be that missed a peer's invalidation; a
 * value that is not a positive duration stops the start with a message that says so.
 */
@ApplicationScoped
public class CacheSettings {

  static final Setting MAX_AGE = Setting.of("GATEHOUSE_CACHE_MAX_AGE", "PT30S",
      "The longest a node serves a cached access token or client without reading it again.");

  @Inject Clock clock;

  private Duration maxAge;

  @PostConstruct
  void init() {
    maxAge = parse(SettingsReader.microProfileConfig().string(MAX_AGE));
  }

  static Duration parse(String setting) {
    Duration parsed;
    try {
      parsed = Duration.parse(setting.trim());
    } catch (DateTimeParseException e) {
      parsed = Duration.ZERO;
    }
    if (parsed.isNegative() || parsed.isZero()) {
      throw new IllegalStateException(MAX_AGE + " must be a positive ISO-8601 duration such as PT30S,"
          + " got '" + setting + "'");
    }
    return parsed;
  }

  public Duration maxAge() {
    return maxAge;
  }

  /** A new cache of at most {@code maxEntries} (0: none), each served for at most {@link #maxAge()}. */
  <V> ConsistentCache<V> cache(int maxEntries) {
    return new ConsistentCache<>(maxEntries, maxAge, clock);
  }
}
