package dev.gatehouse.infrastructure.config;

import java.util.Optional;

/**
 * What the pages show of the operator: the product name and a folder with a logo and a stylesheet.
 *
 * @param name the product name on every page, as configured
 * @param dir a folder with {@code logo.svg|png|jpg} and {@code brand.css}
 */
public record BrandSettings(String name, Optional<String> dir) {

  public static final Setting NAME = Setting.of("GATEHOUSE_BRAND_NAME", "Gatehouse",
      "The product name on every page.");
  public static final Setting DIR = Setting.optional("GATEHOUSE_BRAND_DIR", "—",
      "A folder with logo.svg (or .png, .jpg) and brand.css, used by every page.");

  public static BrandSettings read(SettingsReader settings) {
    return new BrandSettings(settings.string(NAME), settings.text(DIR));
  }
}
