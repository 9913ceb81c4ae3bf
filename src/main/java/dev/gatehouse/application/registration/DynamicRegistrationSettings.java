package dev.gatehouse.application.registration;

import dev.gatehouse.infrastructure.config.Setting;
import dev.gatehouse.infrastructure.config.SettingsReader;
import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.registration.InitialAccessToken;
import dev.gatehouse.protocol.registration.RegistrationPolicy;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.scope.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import dev.gatehouse.infrastructure.config.GatehouseConfig;

/**
 * The {@code GATEHOUSE_DYNAMIC_REGISTRATION*} settings of dynamic client registration (RFC 7591, RFC 7592). Off by
 * default. They are checked once, when the application starts, so a setting that cannot work stops the deployment
 * with one line that names it instead of failing the first registration.
 */
@ApplicationScoped
public class DynamicRegistrationSettings {

  static final Setting ENABLED = Setting.of("GATEHOUSE_DYNAMIC_REGISTRATION", "false",
      "true switches on dynamic client registration (RFC 7591, RFC 7592).");
  static final Setting TOKEN = Setting.optional("GATEHOUSE_DYNAMIC_REGISTRATION_INITIAL_TOKEN", "—",
      "The initial access token every registration must send; unset, anyone may register.");
  static final Setting TOKEN_FILE = Setting.optional("GATEHOUSE_DYNAMIC_REGISTRATION_INITIAL_TOKEN_FILE", "—",
      "A file that holds the initial access token instead.");
  static final Setting SCOPES = Setting.of("GATEHOUSE_DYNAMIC_REGISTRATION_SCOPES",
      RegistrationPolicy.DEFAULT_SCOPES, "The scopes a self-registered client may register.");
  static final Setting GRANT_TYPES = Setting.of("GATEHOUSE_DYNAMIC_REGISTRATION_GRANT_TYPES",
      RegistrationPolicy.DEFAULT_GRANT_TYPES, "The grant types a self-registered client may register.");
  static final Setting MAX_CLIENTS = Setting.of("GATEHOUSE_DYNAMIC_REGISTRATION_MAX_CLIENTS", "1000",
      "The most self-registered clients that may exist at once.");

  private static final SafeLog LOG = SafeLog.of(DynamicRegistrationSettings.class);

  @Inject GatehouseConfig config;

  private volatile Resolved resolved;

  /** The checked settings. */
  private record Resolved(boolean enabled, InitialAccessToken initialToken, RegistrationPolicy policy) {}

  /** At start-up: check the settings, and say in the log whether registration is open. */
  void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Resolved settings = resolved();
    if (settings.enabled()) {
      LOG.info("Dynamic client registration is ON ({}); scopes '{}', grant types '{}', at most {} self-registered"
          + " clients", settings.initialToken().required() ? "initial access token required"
          : "OPEN to anyone who can reach /oauth2/register", Scopes.format(settings.policy().scopes()),
          settings.policy().grantTypes().stream().map(GrantType::value).sorted().collect(Collectors.joining(" ")),
          settings.policy().maxClients());
    }
  }

  /** Whether the registration endpoints exist; when not, they answer 404 and discovery does not name them. */
  public boolean enabled() {
    return resolved().enabled();
  }

  public InitialAccessToken initialToken() {
    return resolved().initialToken();
  }

  public RegistrationPolicy policy() {
    return resolved().policy();
  }

  private Resolved resolved() {
    Resolved r = resolved;
    if (r == null) {
      r = resolve();
      resolved = r;
    }
    return r;
  }

  private Resolved resolve() {
    SettingsReader settings = SettingsReader.microProfileConfig();
    String enabled = settings.string(ENABLED);
    boolean on = switch (enabled.trim().toLowerCase(Locale.ROOT)) {
      case "true", "on" -> true;
      case "false", "off" -> false;
      default -> throw new IllegalStateException(ENABLED + " must be true or false, got '" + enabled + "'");
    };
    InitialAccessToken initial = initialToken(nonBlank(settings.raw(TOKEN)), nonBlank(settings.raw(TOKEN_FILE)));
    String scopes = settings.string(SCOPES);
    String grantTypes = settings.string(GRANT_TYPES);
    return new Resolved(on, initial, new RegistrationPolicy(
        checked(SCOPES, () -> RegistrationPolicy.parseScopes(scopes)),
        checked(GRANT_TYPES, () -> RegistrationPolicy.parseGrantTypes(grantTypes, initial.required())),
        config.dynamicClientsMayCallInternal(),
        checked(MAX_CLIENTS, () -> positive(settings.integer(MAX_CLIENTS)))));
  }

  private static int positive(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("must be at least 1, got " + value);
    }
    return value;
  }

  private static <T> T checked(Setting setting, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + ": " + e.getMessage(), e);
    }
  }

  private static InitialAccessToken initialToken(Optional<String> value, Optional<String> file) {
    if (value.isPresent() && file.isPresent()) {
      throw new IllegalStateException("Both " + TOKEN + " and " + TOKEN_FILE + " are set: set only one of them");
    }
    Setting name = value.isPresent() ? TOKEN : TOKEN_FILE;
    Optional<String> configured = value.isPresent() ? value : file.map(DynamicRegistrationSettings::read);
    try {
      return configured.map(String::trim).map(InitialAccessToken::of).orElseGet(InitialAccessToken::none);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(name + ": the initial access token " + e.getMessage(), e);
    }
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(TOKEN_FILE + " names " + file.trim() + ", which cannot be read ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.filter(s -> !s.isBlank());
  }
}
