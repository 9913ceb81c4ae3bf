package dev.gatehouse.application.signin;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.Optional;

/**
 * Checks a username and password against the configured Jakarta Security identity stores, through the {@link
 * IdentityStoreHandler}, which is Gatehouse's {@link IdentityStoreChain} (the stores of {@code
 * GATEHOUSE_IDENTITY_STORES}, in that order).
 */
@Stateless
public class UserAuthenticationService {

  /** A signed-in user: the stable subject identifier and the username shown on pages. */
  public record AuthenticatedUser(String subject, String username) {}

  @Inject IdentityStoreHandler identityStores;
  @Inject IdentityStoreChain chain;

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<AuthenticatedUser> authenticate(String username, String password) {
    CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(username, password));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return Optional.empty();
    }
    String subject = result.getCallerUniqueId() != null ? result.getCallerUniqueId() : result.getCallerPrincipal().getName();
    return Optional.of(new AuthenticatedUser(subject, result.getCallerPrincipal().getName()));
  }

  /**
   * Refuses a sign-in without checking it (the account or address is locked), after the same work as a failed check
   * in every configured store (the database read and hash computation, the directory search and bind), so that
   * neither the answer nor its timing tells a lockout from a wrong password.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<AuthenticatedUser> refuse(String username, String password) {
    chain.spendFailedCheck(username, password);
    return Optional.empty();
  }
}
