package dev.gatehouse.web.rest.admin;

/**
 * A request the admin API refuses before any service sees it (a body too large, not JSON, malformed): answered as
 * the RFC 9457 problem with this status and detail. Expected, so it carries no stack trace.
 */
final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  ProblemException(int status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
