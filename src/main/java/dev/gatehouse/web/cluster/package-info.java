/**
 * The cluster-internal HTTP endpoint: {@code POST /internal/token-cache}, where a peer's cache invalidation arrives.
 * It is for the other nodes, never for browsers or clients, so it answers nothing but 204 (applied) and 404 (anything
 * else, including every refused message and every other method), which makes it look like no endpoint at all to
 * whoever has not got the cluster secret. The message and its check are {@link dev.gatehouse.protocol.cluster}'s.
 */
package dev.gatehouse.web.cluster;
