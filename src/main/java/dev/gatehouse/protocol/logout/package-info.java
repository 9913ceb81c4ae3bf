/**
 * Logout: the end-session request of OpenID Connect RP-Initiated Logout 1.0 ({@link
 * dev.gatehouse.protocol.logout.EndSessionRequest}: its checks and whether to ask, end, redirect or offer a link), and
 * the logout tokens of OpenID Connect Back-Channel Logout 1.0, their delivery schedule and sending bounds, and how long
 * an RP-initiated logout waits for them before the browser is answered ({@link dev.gatehouse.protocol.logout.LogoutWait}).
 */
package dev.gatehouse.protocol.logout;
