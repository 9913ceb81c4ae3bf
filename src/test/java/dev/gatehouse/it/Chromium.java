package dev.gatehouse.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (never one Selenium would download), each browser with
 * a fresh profile of its own, removed when it closes: no cookie, cache or language setting carries over.
 */
public final class Chromium implements AutoCloseable {
  public final WebDriver driver;
  private final Path profile;

  private Chromium(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A browser whose Accept-Language is the browser's default (English here). */
  public static Chromium open() throws IOException {
    return open(null);
  }

  /** A browser that asks for pages in {@code acceptLanguage} (e.g. {@code zh-CN}), or its default when null. */
  public static Chromium open(String acceptLanguage) throws IOException {
    Path profile = Files.createTempDirectory("gatehouse-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("gatehouse.it.chromium", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--user-data-dir=" + profile);
    if (acceptLanguage != null) {
      options.addArguments("--accept-lang=" + acceptLanguage);
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("gatehouse.it.chromedriver", "/usr/bin/chromedriver")))
        .build();
    return new Chromium(new ChromeDriver(service, options), profile);
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
