package dev.gatehouse.it.external;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.spi.client.container.ConfigurationMapper;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;

/**
 * A server that is already running, with Gatehouse deployed the way an administrator deploys it (the scripts in
 * {@code server-config/}), on 127.0.0.1 at the port {@code gatehouse.it.port}. Arquillian "deploys" to it by
 * checking that Gatehouse answers there, and hands the tests its URL; nothing is deployed or undeployed, so what the
 * tests exercise is exactly what the administrator's own commands produced. {@link ExternalServerExtension} puts it
 * in place of Payara Micro when {@code gatehouse.it.external=true}.
 */
public class ExternalServer implements DeployableContainer<ExternalServer.Configuration> {

  /** Nothing to configure: the port is the suite's own {@code gatehouse.it.port}. */
  public static class Configuration implements ContainerConfiguration {
    @Override
    public void validate() {}
  }

  @Override
  public Class<Configuration> getConfigurationClass() {
    return Configuration.class;
  }

  @Override
  public ConfigurationMapper<Configuration> getConfigurationMapper() {
    // arquillian.xml describes the Payara Micro the suite starts otherwise; none of its properties applies here.
    return (configuration, definition) -> { };
  }

  @Override
  public ProtocolDescription getDefaultProtocol() {
    return new ProtocolDescription("Local");
  }

  @Override
  public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    int port = Integer.parseInt(System.getProperty("gatehouse.it.port"));
    URI discovery = URI.create("http://127.0.0.1:" + port + "/.well-known/openid-configuration");
    try {
      HttpResponse<Void> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
          HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.discarding());
      if (answer.statusCode() != 200) {
        throw new DeploymentException("Gatehouse is not deployed at " + discovery + ": HTTP " + answer.statusCode());
      }
    } catch (IOException e) {
      throw new DeploymentException("No server answers at " + discovery + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeploymentException("Interrupted while reaching " + discovery, e);
    }
    return new ProtocolMetaData().addContext(new HTTPContext("127.0.0.1", port).add(new Servlet("gatehouse", "")));
  }

  @Override
  public void undeploy(Archive<?> archive) {}
}
