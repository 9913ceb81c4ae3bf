/**
 * In-memory caches of access tokens and clients, bounded in size and age ({@code GATEHOUSE_CACHE_MAX_AGE}), never
 * cleared wholesale: an entry is dropped after the transaction that changed its row commits ({@link
 * dev.gatehouse.infrastructure.cache.CacheInvalidation}), here and on the peers.
 */
package dev.gatehouse.infrastructure.cache;
