/** Logout: the logout tokens of OpenID Connect Back-Channel Logout 1.0 and their delivery schedule. */
package dev.gatehouse.protocol.logout;
