package dev.gatehouse.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/** The discovery documents under {@code /.well-known} (RFC 8414 §3). */
@ApplicationPath("/.well-known")
public class WellKnownApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(MetadataResource.class, WebApplicationExceptionMapper.class, UnexpectedExceptionMapper.class);
  }

  /**
   * No WADL (the endpoints are described by the RFCs and the metadata document), and no Bean Validation interceptor
   * on every call (nothing here is validated by annotations; the protocol validates).
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true,
        "jersey.config.beanValidation.disable.server", true);
  }
}
