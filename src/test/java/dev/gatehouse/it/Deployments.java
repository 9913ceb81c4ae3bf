package dev.gatehouse.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one deployment the integration tests share: the WAR that `mvn package` built, exactly as shipped. */
public final class Deployments {
  private Deployments() {}

  public static WebArchive war() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("gatehouse.war")));
  }

  /** {@code war} written to a temporary file, for a node that a test starts itself ({@link PayaraNode}). */
  public static Path file(WebArchive war) throws IOException {
    Path file = Files.createTempFile("gatehouse-it-", ".war");
    war.as(ZipExporter.class).exportTo(file.toFile(), true);
    file.toFile().deleteOnExit();
    return file;
  }
}
