package dev.gatehouse.web.view;

import dev.gatehouse.application.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The audit trail's client address: the servlet request of the current thread (CDI's built-in request-scoped bean,
 * so the JAX-RS endpoints and the servlets both have it), read only when an event is recorded. It is the address the
 * sign-in throttle counts against ({@link PasswordSignIn#clientAddress}), so the two always agree.
 */
@ApplicationScoped
public class ServletRequestOrigin implements RequestOrigin {

  @Inject HttpServletRequest request;

  @Override
  public Optional<String> clientAddress() {
    try {
      return Optional.of(PasswordSignIn.clientAddress(request)).filter(a -> !a.isEmpty());
    } catch (ContextNotActiveException e) {
      return Optional.empty();
    }
  }
}
