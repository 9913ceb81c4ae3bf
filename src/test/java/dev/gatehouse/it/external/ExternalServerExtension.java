package dev.gatehouse.it.external;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * With {@code -Dgatehouse.it.external=true} the integration tests run against an {@link ExternalServer} (WildFly,
 * Payara Server: see {@code src/test/scripts/external-its.sh}) instead of the Payara Micro that Arquillian starts.
 */
public class ExternalServerExtension implements LoadableExtension {
  @Override
  public void register(ExtensionBuilder builder) {
    if (Boolean.getBoolean("gatehouse.it.external")) {
      builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, ExternalServer.class);
    }
  }
}
