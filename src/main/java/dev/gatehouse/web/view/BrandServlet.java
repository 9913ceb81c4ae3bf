package dev.gatehouse.web.view;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the operator's branding files ({@link Brand}) at {@code /brand/<name>}: a file directly in {@code
 * GATEHOUSE_BRAND_DIR}, by name only (no sub-folders, no {@code ..}), of an image or stylesheet type. Anything else is
 * 404.
 */
@WebServlet("/brand/*")
public class BrandServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Map<String, String> TYPES = Map.of(
      "css", "text/css; charset=UTF-8", "svg", "image/svg+xml", "png", "image/png", "jpg", "image/jpeg",
      "ico", "image/x-icon", "woff2", "font/woff2");

  @Inject transient Brand brand;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Optional<Path> file = file(request.getPathInfo());
    if (file.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String name = file.get().getFileName().toString();
    response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)));
    response.setHeader("Cache-Control", "public, max-age=3600");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLengthLong(Files.size(file.get()));
    Files.copy(file.get(), response.getOutputStream());
  }

  private Optional<Path> file(String pathInfo) {
    if (pathInfo == null || !pathInfo.matches("/[A-Za-z0-9_-]+\\.[A-Za-z0-9]+")) {
      return Optional.empty();
    }
    String name = pathInfo.substring(1);
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (!TYPES.containsKey(extension)) {
      return Optional.empty();
    }
    return brand.dir().map(d -> d.resolve(name)).filter(Files::isRegularFile);
  }
}
