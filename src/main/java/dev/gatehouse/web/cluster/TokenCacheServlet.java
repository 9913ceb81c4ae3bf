package dev.gatehouse.web.cluster;

import dev.gatehouse.infrastructure.cache.CacheInvalidation;
import dev.gatehouse.protocol.cluster.InvalidationMessage;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A peer's cache invalidation ({@link dev.gatehouse.infrastructure.cluster.ClusterInvalidation}): the body is one {@link
 * InvalidationMessage}, read up to {@link InvalidationMessage#MAX_LENGTH} bytes. Accepted, it is applied to this
 * node's caches only and answered 204. Anything else gets 404, as if the endpoint did not exist: a refused message
 * (wrong MAC, too old or too new, replayed, malformed, too long), a node without peers, any other method.
 */
@WebServlet("/internal/token-cache")
public class TokenCacheServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient CacheInvalidation invalidation;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!"POST".equals(request.getMethod()) || request.getContentLengthLong() > InvalidationMessage.MAX_LENGTH) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(InvalidationMessage.MAX_LENGTH + 1);
    }
    // ISO-8859-1 keeps every byte one character: a non-ASCII byte fails the message's syntax check, never decoding.
    if (body.length > InvalidationMessage.MAX_LENGTH
        || !invalidation.applyFromPeer(new String(body, StandardCharsets.ISO_8859_1))) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }
}
