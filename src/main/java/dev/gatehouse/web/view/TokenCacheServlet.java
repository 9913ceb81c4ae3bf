package dev.gatehouse.web.view;

import dev.gatehouse.persistence.CacheInvalidation;
import dev.gatehouse.persistence.ClusterInvalidation;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A peer's cache invalidation ({@link ClusterInvalidation}): applied to this node's cache only, answered 204.
 * Without the cluster secret (or without peers configured) the endpoint does not exist: 404.
 */
@WebServlet("/internal/token-cache")
public class TokenCacheServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient ClusterInvalidation cluster;
  @Inject transient CacheInvalidation invalidation;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!cluster.authorized(request.getHeader(ClusterInvalidation.SECRET_HEADER))) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String key = request.getParameter("key");
    CacheInvalidation.Kind kind;
    try {
      kind = CacheInvalidation.Kind.valueOf(String.valueOf(request.getParameter("kind")));
    } catch (IllegalArgumentException unknown) {
      kind = null;
    }
    if (kind == null || key == null || key.isBlank() || key.length() > 256) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    invalidation.applyLocally(kind, key);
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }
}
