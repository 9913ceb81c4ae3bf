package dev.gatehouse.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /oauth2/ping}: answers {@code ok} without touching anything. A cheap liveness probe, and the baseline the
 * benchmark (bench/run.sh) measures every endpoint against: the same server, the same JAX-RS stack, no work.
 */
@ApplicationScoped
@Path("ping")
public class PingResource {
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String ping() {
    return "ok";
  }
}
