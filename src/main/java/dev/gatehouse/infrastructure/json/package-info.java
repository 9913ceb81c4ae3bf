/**
 * JSON codecs (Jakarta JSON Processing) for client metadata (RFC 7591 §2) and users, shared by the admin API, dynamic
 * registration and the bootstrap file. They read and write; the rules are the protocol's.
 */
package dev.gatehouse.infrastructure.json;
