package dev.gatehouse.web.rest.admin;

import dev.gatehouse.web.rest.NoStoreFilter;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The admin REST API under {@code /admin/api}, a JAX-RS application of its own: its errors are RFC 9457 problems
 * ({@link AdminExceptionMapper}), not the OAuth error bodies of {@code /oauth2}, and its resources answer only an
 * administrator ({@link AdminAuthorizationFilter}). Every answer is {@code Cache-Control: no-store} ({@link
 * NoStoreFilter}), the ones with a client secret included; only the OpenAPI document may be cached.
 */
@ApplicationPath("/admin/api")
public class AdminApplication extends Application {

  /** The resources; {@code OpenApiDocumentTest} checks the OpenAPI document against exactly these. */
  static final Set<Class<?>> RESOURCES = Set.of(ClientsResource.class, UsersResource.class, SessionsResource.class,
      GrantsResource.class, OpenApiResource.class);

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(RESOURCES);
    classes.addAll(Set.of(AdminAuthorizationFilter.class, AdminExceptionMapper.class, NoStoreFilter.class));
    return classes;
  }

  /** No WADL, no Bean Validation interceptor: nothing here is validated by annotations. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true,
        "jersey.config.beanValidation.disable.server", true);
  }
}
