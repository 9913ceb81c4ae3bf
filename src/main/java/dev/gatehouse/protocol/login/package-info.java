/**
 * Sign-in protection: growing delays, then a short, capped lockout, per account (the username as typed) and per
 * client address, after repeated failed sign-ins (OWASP Authentication Cheat Sheet, "Protect Against Automated
 * Attacks"; NIST SP 800-63B §5.2.2, "Rate Limiting (Throttling)").
 */
package dev.gatehouse.protocol.login;
