package dev.gatehouse.infrastructure.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code GATEHOUSE_*} setting as declared next to the field it fills: its name, its default as the text an
 * operator would type (empty when the code works it out, or when unset means "off"), how the README's settings table
 * shows that default, and one line that says what it is. {@link SettingsReader} reads, converts and checks it;
 * {@code SettingsReadmeTest} keeps the README's tables equal to these declarations.
 *
 * @param name the environment variable (and MicroProfile Config property) name
 * @param defaultValue what is used when it is unset (or set empty, which MicroProfile Config treats alike)
 * @param shownDefault the README's "Default" cell, exactly
 * @param description one line: what it sets
 */
public record Setting(String name, Optional<String> defaultValue, String shownDefault, String description) {

  private static final Pattern NAME = Pattern.compile("GATEHOUSE_[A-Z0-9_]+");

  public Setting {
    if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
      throw new IllegalArgumentException("'" + name + "' is not a GATEHOUSE_* setting name");
    }
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(shownDefault, "shownDefault");
    Objects.requireNonNull(description, "description");
  }

  /** A setting with a default an operator could type, shown as {@code `value`}. */
  public static Setting of(String name, String defaultValue, String description) {
    return new Setting(name, Optional.of(defaultValue), "`" + defaultValue + "`", description);
  }

  /** A setting without a typed default: unset means off, required, or worked out by the code as {@code shown} says. */
  public static Setting optional(String name, String shownDefault, String description) {
    return new Setting(name, Optional.empty(), shownDefault, description);
  }

  /** A setting whose typed default the README shows in other words (a path made absolute, for one). */
  public static Setting shown(String name, String defaultValue, String shownDefault, String description) {
    return new Setting(name, Optional.of(defaultValue), shownDefault, description);
  }

  @Override
  public String toString() {
    return name;
  }
}
