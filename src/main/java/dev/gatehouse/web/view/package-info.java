/**
 * The browser side of the authorization endpoint: servlets, the page-headers filter, and helpers for the session
 * (signed-in user, parked requests, CSRF token). Views are JSPs under {@code WEB-INF/jsp}, reachable only through a
 * forward, and escape all output with {@code c:out}.
 */
package dev.gatehouse.web.view;
