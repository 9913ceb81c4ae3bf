package dev.gatehouse.web.rest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document served at /admin/api/openapi.json and the JAX-RS resources of the admin API describe the same
 * routes: every route is documented, every documented route exists. Path parameters compare by position only (the
 * document uses the wire names, {@code {client_id}}, the code Java names).
 */
class OpenApiDocumentTest {

  private static JsonObject document() throws Exception {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT);
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    }
  }

  private static String normalized(String path) {
    return ("/" + path).replaceAll("/+", "/").replaceAll("\\{[^}]+}", "{}").replaceAll("(.)/$", "$1");
  }

  /** "GET /clients/{}" for every resource method of the admin application. */
  private static Set<String> served() {
    Set<String> routes = new TreeSet<>();
    for (Class<?> resource : AdminApplication.RESOURCES) {
      String base = resource.getAnnotation(Path.class).value();
      for (Method method : resource.getDeclaredMethods()) {
        for (Annotation a : method.getAnnotations()) {
          HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
          if (http != null) {
            Path sub = method.getAnnotation(Path.class);
            routes.add(http.value() + " " + normalized(base + "/" + (sub == null ? "" : sub.value())));
          }
        }
      }
    }
    return routes;
  }

  private static Set<String> documented(JsonObject doc) {
    Set<String> routes = new TreeSet<>();
    Set<String> methods = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    doc.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
        .filter(methods::contains)
        .forEach(m -> routes.add(m.toUpperCase() + " " + normalized(path))));
    return routes;
  }

  @Test
  void openApi_whenComparedWithTheResources_thenEveryRouteDocumentedAndEveryDocumentedRouteServed() throws Exception {
    Set<String> served = served();
    assertTrue(served.size() > 20, () -> "found the routes: " + served);
    assertEquals(served, documented(document()));
  }

  @Test
  void openApi_whenRead_thenVersion31WithBearerSecurityAndProblemErrors() throws Exception {
    JsonObject doc = document();
    assertTrue(doc.getString("openapi").startsWith("3.1"));
    assertEquals("http", doc.getJsonObject("components").getJsonObject("securitySchemes")
        .getJsonObject("bearer").getString("type"));
    assertTrue(doc.getJsonObject("components").getJsonObject("responses").getJsonObject("BadRequest")
        .getJsonObject("content").containsKey("application/problem+json"));
  }

  @Test
  void openApi_whenAnAdminRouteIsDocumented_thenItsAnswersInclude401And403() throws Exception {
    JsonObject paths = document().getJsonObject("paths");
    for (String route : documented(document())) {
      if (route.endsWith("/openapi.json")) {
        continue;
      }
      String method = route.substring(0, route.indexOf(' ')).toLowerCase();
      String wanted = route.substring(route.indexOf(' ') + 1);
      String path = paths.keySet().stream().filter(p -> normalized(p).equals(wanted)).findFirst().orElseThrow();
      JsonObject responses = paths.getJsonObject(path).getJsonObject(method).getJsonObject("responses");
      assertTrue(responses.containsKey("401") && responses.containsKey("403"), route);
    }
  }
}
