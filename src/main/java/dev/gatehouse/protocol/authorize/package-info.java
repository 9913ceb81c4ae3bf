/**
 * The authorization endpoint: request validation, consent policy, code issuance and the redirect back to the client.
 *
 * <p><b>Rule:</b> validation runs in two steps. {@link
 * dev.gatehouse.protocol.authorize.AuthorizationRequestValidator#resolveRedirect} establishes the client and an exactly
 * registered redirect URI; until it succeeds, every failure is an {@link
 * dev.gatehouse.protocol.authorize.InvalidClientOrRedirectException}, shown to the user and never redirected. After
 * it, every failure is an {@link dev.gatehouse.protocol.error.OAuthException} that is redirected to that URI with
 * {@code state} and {@code iss}. Redirect URIs are compared by exact string equality, with no normalisation. What
 * happens to a valid request (sign-in, consent, code, or {@code login_required} / {@code consent_required}) is decided
 * in one place, {@link dev.gatehouse.protocol.authorize.AuthorizationDecision}; the web edge only renders it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 §4.1.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-2.1">RFC 9700 §2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9207">RFC 9207</a>
 */
package dev.gatehouse.protocol.authorize;
