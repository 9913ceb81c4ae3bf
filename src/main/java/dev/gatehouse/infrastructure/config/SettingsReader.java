package dev.gatehouse.infrastructure.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one way Gatehouse reads a {@link Setting}: from MicroProfile Config, so each is an environment variable of the
 * same name (or a system property, or an entry in {@code microprofile-config.properties}). It converts the text the
 * way MicroProfile Config's own converters do and checks it; a value that cannot work stops the start with an {@link
 * IllegalStateException} whose message begins with the setting's name.
 *
 * <p>A plain class, not a CDI bean: the data source and the EclipseLink customizer need their settings before CDI can
 * inject anything, and unit tests read from a map ({@link #of(Map)}).
 */
public final class SettingsReader {

  /** MicroProfile Config's spelling of true (Config 3.0 §Built-in Converters); anything else is false. */
  private static final Set<String> TRUE = Set.of("true", "1", "yes", "y", "on");

  private final Function<String, Optional<String>> source;
  private final Predicate<String> setEmpty;

  private SettingsReader(Function<String, Optional<String>> source, Predicate<String> setEmpty) {
    this.source = source;
    this.setEmpty = setEmpty;
  }

  /**
   * The settings as MicroProfile Config has them. MicroProfile Config treats an empty value as no value (Config 3.0,
   * "Empty values"), so whether a setting was set to the empty string is asked of the process environment and the
   * system properties directly (see {@link #textAllowingEmpty}).
   */
  public static SettingsReader microProfileConfig() {
    Config config = ConfigProvider.getConfig(SettingsReader.class.getClassLoader());
    return new SettingsReader(name -> config.getOptionalValue(name, String.class),
        name -> "".equals(System.getenv(name)) || "".equals(System.getProperty(name)));
  }

  /** The settings in {@code values}; every other one has its default. */
  public static SettingsReader of(Map<String, String> values) {
    // An empty value in the map is present as such: nothing else to ask.
    return new SettingsReader(name -> Optional.ofNullable(values.get(name)), name -> false);
  }

  /** Every setting at its default. */
  public static SettingsReader defaults() {
    return of(Map.of());
  }

  /** The value exactly as configured, else the default; empty when neither (an empty value counts as unset). */
  public Optional<String> raw(Setting setting) {
    return source.apply(setting.name()).filter(v -> !v.isEmpty()).or(setting::defaultValue);
  }

  /** The value without surrounding white space, else the default when unset or blank; empty when neither. */
  public Optional<String> text(Setting setting) {
    return source.apply(setting.name()).map(String::strip).filter(v -> !v.isEmpty()).or(setting::defaultValue);
  }

  /**
   * Like {@link #text}, but a setting given as the empty string (an environment variable or system property set to
   * nothing) is the empty string, not its default: for a setting whose empty value means "none", such as the table
   * prefix.
   */
  public Optional<String> textAllowingEmpty(Setting setting) {
    Optional<String> value = source.apply(setting.name()).map(String::strip);
    if (value.isPresent() && !value.get().isEmpty()) {
      return value;
    }
    return value.isPresent() || setEmpty.test(setting.name()) ? Optional.of("") : setting.defaultValue();
  }

  /** The value of a setting that has a default: as configured, else that default. */
  public String string(Setting setting) {
    return raw(setting).orElseThrow(() -> new IllegalStateException(setting.name() + " must be set"));
  }

  /** An ISO-8601 duration such as {@code PT30S} ({@link Duration#parse}). */
  public Duration duration(Setting setting) {
    return convert(setting, Duration::parse, "an ISO-8601 duration such as PT30S");
  }

  /** A duration of more than zero. */
  public Duration positiveDuration(Setting setting) {
    Duration value = duration(setting);
    if (value.isNegative() || value.isZero()) {
      throw invalid(setting, "must be a positive ISO-8601 duration, got " + value);
    }
    return value;
  }

  /** A whole number. */
  public int integer(Setting setting) {
    return convert(setting, Integer::parseInt, "a whole number");
  }

  /** A whole number, or empty when unset. */
  public Optional<Integer> optionalInteger(Setting setting) {
    return text(setting).map(v -> convert(setting, v, Integer::parseInt, "a whole number"));
  }

  /** True for {@code true}, {@code 1}, {@code yes}, {@code y} or {@code on} in any case; false for anything else. */
  public boolean flag(Setting setting) {
    return text(setting).map(v -> TRUE.contains(v.toLowerCase(Locale.ROOT))).orElse(false);
  }

  /** The value converted by {@code converter}; its {@link IllegalArgumentException} becomes a start-up error. */
  public <T> T convert(Setting setting, Function<String, T> converter, String expected) {
    String value = text(setting).orElseThrow(() -> new IllegalStateException(setting.name() + " must be "
        + expected));
    return convert(setting, value, converter, expected);
  }

  private static <T> T convert(Setting setting, String value, Function<String, T> converter, String expected) {
    try {
      return converter.apply(value);
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      throw invalid(setting, "must be " + expected + ", got '" + value + "'");
    }
  }

  /** The start-up error for a setting that cannot work: "{@code NAME message}". */
  public static IllegalStateException invalid(Setting setting, String message) {
    return new IllegalStateException(setting.name() + " " + message);
  }
}
