package dev.gatehouse.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The OAuth endpoints under {@code /oauth2} (token, introspection, revocation, userinfo, jwks, dynamic registration;
 * the authorization endpoint is a servlet because it renders pages). Kept off {@code /*} so that JSP forwards and
 * static files never reach JAX-RS.
 */
@ApplicationPath("/oauth2")
public class OAuthApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(TokenResource.class, IntrospectionResource.class, RevocationResource.class,
        UserInfoResource.class, JwksResource.class, BearerTokenFilter.class, PingResource.class, NoStoreFilter.class,
        OAuthExceptionMapper.class, WebApplicationExceptionMapper.class, UnexpectedExceptionMapper.class,
        EjbExceptionMapper.class, RegistrationResource.class, RegistrationSwitch.class);
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
