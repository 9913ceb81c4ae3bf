/**
 * The messages the nodes of a cluster send each other to invalidate their caches, and the receiver's check of them.
 *
 * <p>A message is a compact JWS (RFC 7515) with {@code HS256} under a key derived from {@code
 * GATEHOUSE_CLUSTER_SECRET} by HKDF-SHA256 ({@link dev.gatehouse.protocol.cluster.ClusterKey}); its MAC covers the
 * header and every claim: the format version, what is invalidated (kind and key), the sender's time and a random
 * nonce ({@link dev.gatehouse.protocol.cluster.InvalidationMessage}). The secret itself never leaves a node.
 *
 * <p><b>Rules:</b> the receiver ({@link dev.gatehouse.protocol.cluster.InvalidationReceiver}) accepts a message only
 * when its MAC is right (constant-time), its time is within {@link
 * dev.gatehouse.protocol.cluster.InvalidationReceiver#MAX_SKEW} of the receiver's clock, and its nonce was not accepted
 * before; the nonces it remembers are only those of authenticated messages, for as long as they could be fresh, and
 * at most {@link dev.gatehouse.protocol.cluster.InvalidationReceiver#MAX_REMEMBERED} of them, so someone without the
 * secret can neither replay a message nor make the memory grow. Everything else is refused and changes nothing. A
 * message does not say which node it is for: a copy captured within the window can be replayed once to another node,
 * where it repeats an invalidation that node is sent anyway. Plain Java plus Nimbus JOSE+JWT; no logging.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7515">RFC 7515 (JWS)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5869">RFC 5869 (HKDF)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2104">RFC 2104 (HMAC)</a>
 */
package dev.gatehouse.protocol.cluster;
