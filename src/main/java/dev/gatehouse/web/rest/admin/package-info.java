/**
 * The admin REST API under {@code /admin/api}: JSON over the application's administration services, described by
 * the OpenAPI document at {@code /admin/api/openapi.json}.
 *
 * <p><b>Rules:</b> resources stay thin (parse, call one service method, write); every error, whatever raised it, is
 * an RFC 9457 {@code application/problem+json} answer written by {@link dev.gatehouse.web.rest.admin.Problems} (400
 * with {@code invalid-params} naming each bad field, 401 with {@code WWW-Authenticate: Bearer}, 403, 404, 409, 413,
 * 415), never a 500 for bad input; every answer is {@code Cache-Control: no-store}; only an administrator passes
 * {@link dev.gatehouse.web.rest.admin.AdminAuthorizationFilter}. Client fields carry their RFC 7591 names.
 */
package dev.gatehouse.web.rest.admin;
