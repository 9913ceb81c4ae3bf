/**
 * The HTTP edge: JAX-RS resources for the JSON endpoints ({@code web.rest}), servlets, filters and JSP views for the
 * browser ({@code web.view}), and the one endpoint for the other nodes of a cluster ({@code web.cluster}).
 *
 * <p>Rules: parse once, call one application service, write the answer; no protocol rules here. Expected OAuth
 * errors become the RFC JSON or an error redirect or the error page, with the detail in one log line; anything else is
 * a 500 without internals. Nothing secret is logged.
 */
package dev.gatehouse.web;
