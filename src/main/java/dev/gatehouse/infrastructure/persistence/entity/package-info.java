/**
 * JPA entities, one per table. Table names carry no prefix here: {@link
 * dev.gatehouse.infrastructure.persistence.EclipseLinkCustomizer} adds the configured one. JPA annotations stay in this package; the
 * protocol's records know nothing of them.
 */
package dev.gatehouse.infrastructure.persistence.entity;
