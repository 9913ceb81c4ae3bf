/**
 * JSON endpoints under {@code /oauth2} (token) and {@code /.well-known} (metadata). Two JAX-RS applications with
 * explicit class lists keep JAX-RS off {@code /*}, so JSP forwards and static files never reach it. The token endpoint
 * reads the raw body itself (bounded, strict form decoding) so that a wrong content type or a malformed body is an
 * RFC {@code invalid_request}, not a framework 415 or 500.
 */
package dev.gatehouse.web.rest;
