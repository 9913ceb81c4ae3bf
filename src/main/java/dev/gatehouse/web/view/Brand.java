package dev.gatehouse.web.view;

import dev.gatehouse.infrastructure.config.GatehouseConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The operator's branding, without rebuilding the WAR: {@code GATEHOUSE_BRAND_NAME} replaces the product name on every
 * page, and a folder {@code GATEHOUSE_BRAND_DIR} may hold {@code logo.svg} (or {@code .png}, {@code .jpg}) and {@code
 * brand.css}, served from this server at {@code /brand/…} ({@link BrandServlet}) so that the pages' content security
 * policy ({@code 'self'} only) still holds. {@code brand.css} is loaded after Gatehouse's own stylesheet and may
 * override any of it. A plain JavaBean: the JSPs read it with EL.
 */
@ApplicationScoped
public class Brand {
  private static final List<String> LOGOS = List.of("logo.svg", "logo.png", "logo.jpg");

  @Inject GatehouseConfig config;

  private String name;
  private Optional<Path> dir;
  private String logo;
  private String stylesheet;

  /** Reads the folder once: a change of logo or stylesheet takes a restart, not a rebuild. */
  @PostConstruct
  void load() {
    name = config.brandName();
    dir = config.brandDir().map(Path::of).filter(Files::isDirectory);
    logo = dir.flatMap(d -> LOGOS.stream().filter(l -> Files.isRegularFile(d.resolve(l))).findFirst())
        .map(l -> "/brand/" + l).orElse(null);
    stylesheet = dir.filter(d -> Files.isRegularFile(d.resolve("brand.css"))).map(d -> "/brand/brand.css")
        .orElse(null);
  }

  public String getName() {
    return name;
  }

  /** The logo's path under the context, or null for the built-in mark. */
  public String getLogo() {
    return logo;
  }

  /** The operator's stylesheet's path under the context, or null. */
  public String getStylesheet() {
    return stylesheet;
  }

  Optional<Path> dir() {
    return dir;
  }
}
