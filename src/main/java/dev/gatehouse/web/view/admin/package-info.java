/**
 * The admin console: server-rendered pages under {@code /admin/} over the same application services as the admin
 * REST API ({@code ClientAdministration}, {@code UserAdministration}, {@code SessionService}). A thin web layer: it
 * reads forms, calls one service method, and renders or redirects; every rule (what a valid client is, what
 * disabling a user ends) is the services'.
 *
 * <p>Rules: {@link dev.gatehouse.web.view.admin.ConsoleFilter} guards every path (signed-in Gatehouse SSO session of a
 * user with the role {@code gatehouse-admin}, not disabled, checked again on every request; a CSRF token on every
 * POST; the pages' security headers and language). Changes answer with a redirect (POST-redirect-GET); destructive
 * actions are asked for on a confirmation page first. Views are JSPs under {@code WEB-INF/jsp/admin}, every string from
 * the message bundles, every value escaped with {@code c:out}; no page needs JavaScript.
 */
package dev.gatehouse.web.view.admin;
