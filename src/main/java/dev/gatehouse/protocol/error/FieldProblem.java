package dev.gatehouse.protocol.error;

import java.util.Objects;

/**
 * One problem with one named field of a registration or administration request: the field by its wire name (the
 * RFC 7591 §2 metadata name for clients, e.g. {@code redirect_uris}) and a short reason a person can act on. The
 * reason may quote the value the caller sent, but never a secret or password.
 *
 * <p>Callers turn a list of these into the answer their protocol wants: RFC 7591 §3.2.2 {@code invalid_redirect_uri}
 * or {@code invalid_client_metadata}, RFC 9457 {@code invalid-params}, or lines of a start-up error.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2">RFC 7591 §3.2.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457#section-3">RFC 9457 §3 (extension members)</a>
 */
public record FieldProblem(String field, String reason) {
  public FieldProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  /** {@code "field: reason"}, for logs and start-up messages. */
  @Override
  public String toString() {
    return field + ": " + reason;
  }
}
