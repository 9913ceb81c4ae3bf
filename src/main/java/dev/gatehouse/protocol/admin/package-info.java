/**
 * Administration rules: who is an administrator.
 *
 * <p><b>Rule:</b> the administration is reached only with an access token that carries {@link
 * dev.gatehouse.protocol.admin.AdminAccess#ADMIN_SCOPE}; a token issued for a user additionally needs that user to
 * hold {@link dev.gatehouse.protocol.admin.AdminAccess#ADMIN_ROLE} and not to be disabled. Plain Java, no container
 * types.
 */
package dev.gatehouse.protocol.admin;
