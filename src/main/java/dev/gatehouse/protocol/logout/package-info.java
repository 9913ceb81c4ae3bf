/**
 * Logout: the end-session request of OpenID Connect RP-Initiated Logout 1.0 ({@link
 * dev.gatehouse.protocol.logout.EndSessionRequest}: its checks and whether to ask, end, redirect or offer a link), and
 * the logout tokens of OpenID Connect Back-Channel Logout 1.0 and their delivery schedule.
 */
package dev.gatehouse.protocol.logout;
