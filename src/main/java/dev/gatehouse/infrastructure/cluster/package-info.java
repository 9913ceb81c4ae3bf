/**
 * The cluster: MAC'd cache invalidations sent to and received from peer nodes ({@link
 * dev.gatehouse.infrastructure.cluster.ClusterInvalidation}; the messages are {@code protocol.cluster}'s), and the
 * server's own data grid, which Gatehouse does not use and warns about ({@link
 * dev.gatehouse.infrastructure.cluster.DataGrid}). The peers' endpoint is {@code web.cluster}.
 */
package dev.gatehouse.infrastructure.cluster;
