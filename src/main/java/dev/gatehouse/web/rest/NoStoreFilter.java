package dev.gatehouse.web.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * RFC 6749 §5.1: "The authorization server MUST include the HTTP "Cache-Control" response header field with a value
 * of "no-store" in any response containing tokens, credentials, or other sensitive information". Set on every
 * response of the OAuth endpoints, errors included. The one exception is a successful answer that set its own
 * {@code public} caching: the JWKS ({@link JwksResource}), which holds public keys only and should be cached.
 */
@Provider
public class NoStoreFilter implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object cacheControl = response.getHeaders().getFirst("Cache-Control");
    if (response.getStatus() == 200 && cacheControl != null && cacheControl.toString().startsWith("public")) {
      return;
    }
    response.getHeaders().putSingle("Cache-Control", "no-store");
    response.getHeaders().putSingle("Pragma", "no-cache");
  }
}
