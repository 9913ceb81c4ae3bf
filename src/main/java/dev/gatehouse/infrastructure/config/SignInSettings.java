package dev.gatehouse.infrastructure.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Sign-in protection: the failure limits and lockouts ({@code LoginThrottle}), how many password checks run at once
 * ({@code SignInCapacity}), and the cost of a password hash ({@code PasswordHashing}).
 *
 * @param concurrency empty: half the processors, at least one
 */
public record SignInSettings(int maxFailures, int addressMaxFailures, Duration window, Duration lockout,
    Duration lockoutMax, Duration maxDelay, Optional<Integer> concurrency, int passwordHashIterations) {

  public static final Setting MAX_FAILURES = Setting.of("GATEHOUSE_LOGIN_MAX_FAILURES", "5",
      "Failed sign-ins of one account within the window that lock it.");
  public static final Setting ADDRESS_MAX_FAILURES = Setting.of("GATEHOUSE_LOGIN_ADDRESS_MAX_FAILURES", "20",
      "Failed sign-ins from one client address within the window that lock the address.");
  public static final Setting WINDOW = Setting.of("GATEHOUSE_LOGIN_WINDOW", "PT15M",
      "How long failures are remembered.");
  public static final Setting LOCKOUT = Setting.of("GATEHOUSE_LOGIN_LOCKOUT", "PT5M",
      "The first lockout; each further one in a row doubles it.");
  public static final Setting LOCKOUT_MAX = Setting.of("GATEHOUSE_LOGIN_LOCKOUT_MAX", "PT1H",
      "The longest a single lockout lasts.");
  public static final Setting MAX_DELAY = Setting.of("GATEHOUSE_LOGIN_MAX_DELAY", "PT4S",
      "The longest an account waits after a failure before its next attempt is looked at.");
  public static final Setting CONCURRENCY = Setting.optional("GATEHOUSE_LOGIN_CONCURRENCY",
      "half the processors, at least 1", "How many password checks run at once on a node.");
  public static final Setting PASSWORD_HASH_ITERATIONS = Setting.of("GATEHOUSE_PASSWORD_HASH_ITERATIONS", "210000",
      "PBKDF2-HMAC-SHA512 iterations for new user password hashes.");

  public static SignInSettings read(SettingsReader settings) {
    return new SignInSettings(settings.integer(MAX_FAILURES), settings.integer(ADDRESS_MAX_FAILURES),
        settings.duration(WINDOW), settings.duration(LOCKOUT), settings.duration(LOCKOUT_MAX),
        settings.duration(MAX_DELAY), settings.optionalInteger(CONCURRENCY),
        settings.integer(PASSWORD_HASH_ITERATIONS));
  }
}
