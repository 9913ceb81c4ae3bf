package dev.gatehouse.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one deployment the integration tests share: the WAR that `mvn package` built, exactly as shipped. */
public final class Deployments {
  private Deployments() {}

  public static WebArchive war() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("gatehouse.war")));
  }
}
