/**
 * Signing users in: the identity-store chain (Jakarta Security {@code IdentityStore}s, the database's and the LDAP
 * directory's, in the order of {@code GATEHOUSE_IDENTITY_STORES}), password hashing, the sign-in throttle and its
 * counters ({@code protocol.login.LoginThrottle} decides, {@link dev.gatehouse.application.signin.LoginFailureCounters}
 * records), the bound on concurrent password checks ({@link dev.gatehouse.application.signin.SignInCapacity}), and
 * what the directory says about a user it signed in before ({@link
 * dev.gatehouse.application.signin.DirectoryStanding}, {@link dev.gatehouse.application.signin.DirectoryUsers}).
 *
 * <p>Ports used: {@code protocol.store.LoginFailureStore}, the users store; adapters used: {@code
 * infrastructure.directory} for LDAP.
 */
package dev.gatehouse.application.signin;
