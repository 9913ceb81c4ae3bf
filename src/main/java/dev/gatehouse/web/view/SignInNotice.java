package dev.gatehouse.web.view;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What the sign-in page says above its form, and the status it answers with. A refused attempt keeps the page, its
 * parked request and the username typed, so that nothing is lost: the user reads why and tries again.
 */
public enum SignInNotice {
  /** The form, as first shown. */
  NONE(HttpServletResponse.SC_OK, null),
  /** Wrong, missing, locked or disabled: one message for all (no account enumeration). */
  FAILED(HttpServletResponse.SC_UNAUTHORIZED, "login.failed"),
  /** The form's CSRF token did not match (a sign-in in another tab rotated it): enter the password again. */
  EXPIRED(HttpServletResponse.SC_FORBIDDEN, "login.expired"),
  /** The account's recent failures earned a wait: RFC 6585 §4, with {@code Retry-After} in seconds. */
  TOO_SOON(429, "login.tooSoon"),
  /** This client address is locked: 429 with {@code Retry-After}; the page says the minutes. */
  ADDRESS_LOCKED(429, "login.addressLocked"),
  /** No permit to check a password right now. */
  BUSY(429, "login.busy");

  final int status;
  final String messageKey;

  SignInNotice(int status, String messageKey) {
    this.status = status;
    this.messageKey = messageKey;
  }

  /** The notice for an attempt that did not sign the user in. */
  static SignInNotice of(PasswordSignIn.Outcome outcome) {
    return switch (outcome) {
      case REFUSED -> FAILED;
      case TOO_SOON -> TOO_SOON;
      case ADDRESS_LOCKED -> ADDRESS_LOCKED;
      case BUSY -> BUSY;
      case SIGNED_IN -> throw new IllegalArgumentException("a signed-in user gets no sign-in page");
    };
  }
}
