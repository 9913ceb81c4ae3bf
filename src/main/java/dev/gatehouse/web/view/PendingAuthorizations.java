package dev.gatehouse.web.view;

import dev.gatehouse.protocol.authorize.SealedRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authorization requests waiting for sign-in or consent. They are not kept on the server: the browser carries each
 * one, sealed ({@link SealedRequests}), in the {@code request} parameter of the sign-in and consent pages, so an
 * anonymous request leaves nothing behind, and any node opens what another sealed. Only the parameters the flow
 * reads are kept; the request is validated again in full when it resumes, so a client changed meanwhile is honoured.
 */
@ApplicationScoped
public class PendingAuthorizations {

  @Inject SealedRequests sealed;

  /** The value that stands for this request until it resumes. */
  String park(Map<String, List<String>> parameters, Instant arrived) {
    return sealed.seal(parameters, arrived);
  }

  /** The parked request behind {@code id}, if it is one of this server's and has not expired. */
  Optional<SealedRequests.Pending> find(String id) {
    return sealed.open(id);
  }
}
