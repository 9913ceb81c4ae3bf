package dev.gatehouse.web.rest.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /admin/api/openapi.json}: the OpenAPI 3.1 description of the admin API, a static document in the WAR
 * (the same on every server, no generator at run time). Public: it describes the API and holds nothing secret.
 * {@code OpenApiDocumentTest} keeps it and the resources in step: every route documented, every documented route
 * served.
 */
@ApplicationScoped
@Path("openapi.json")
public class OpenApiResource {

  /** Where the document is on the class path. */
  static final String DOCUMENT = "/dev/gatehouse/web/rest/admin/openapi.json";

  private final byte[] document = load();

  @GET
  @Produces("application/json")
  public Response get() {
    return Response.ok(document).header("Cache-Control", "public, max-age=3600").build();
  }

  private static byte[] load() {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        throw new IllegalStateException(DOCUMENT + " is missing from the WAR");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
