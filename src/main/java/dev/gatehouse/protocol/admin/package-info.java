/**
 * Administration rules: who is an administrator, who made a change ({@link dev.gatehouse.protocol.admin.AdminActor}),
 * and what a user of the built-in store may look like ({@link dev.gatehouse.protocol.admin.UserRules}).
 *
 * <p><b>Rule:</b> the administration is reached only with an access token that carries {@link
 * dev.gatehouse.protocol.admin.AdminAccess#ADMIN_SCOPE}; a token issued for a user additionally needs that user to
 * hold {@link dev.gatehouse.protocol.admin.AdminAccess#ADMIN_ROLE} and not to be disabled. Plain Java, no container
 * types.
 */
package dev.gatehouse.protocol.admin;
