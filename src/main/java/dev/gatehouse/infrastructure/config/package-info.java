/**
 * Configuration: the {@code GATEHOUSE_*} settings read through MicroProfile Config, and where the key-encryption key
 * comes from (configuration, a file, or one made at first start on the embedded default).
 */
package dev.gatehouse.infrastructure.config;
