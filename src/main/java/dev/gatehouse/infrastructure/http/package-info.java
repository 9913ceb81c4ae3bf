/**
 * Outbound HTTP: the back-channel logout sender (Apache HttpClient 5), whose connections go only to the addresses that
 * {@code protocol.logout.OutboundGuard} checked, with bounded time and parallelism.
 */
package dev.gatehouse.infrastructure.http;
