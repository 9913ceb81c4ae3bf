package dev.gatehouse.infrastructure.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every {@link Setting} the server declares: the static {@code Setting} fields of the compiled main classes, wherever
 * they are declared (next to the field they fill).
 */
final class SettingsCatalogue {

  private SettingsCatalogue() {}

  /** Where the main classes are compiled to. */
  static Path mainClasses() {
    try {
      return Path.of(Setting.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The declared settings, with the class that declares each. */
  static List<Declared> all() {
    Path root = mainClasses();
    List<Declared> settings = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
            SettingsCatalogue.class.getClassLoader());
        for (Field field : type.getDeclaredFields()) {
          if (field.getType() == Setting.class && Modifier.isStatic(field.getModifiers())) {
            field.setAccessible(true);
            settings.add(new Declared((Setting) field.get(null), type.getName() + "." + field.getName()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return settings;
  }

  record Declared(Setting setting, String where) {}
}
