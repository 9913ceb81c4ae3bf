package dev.gatehouse.application.signin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gatehouse's {@link IdentityStoreHandler}: asks the identity stores in the order of {@code GATEHOUSE_IDENTITY_STORES}
 * (their {@code priority()}), and the first store that has the username decides.
 *
 * <p>Why not Jakarta Security's default handler: it goes on to the next store after an {@code INVALID}, so a username
 * known to two stores would have two passwords, and would sign in as two different people depending on which one was
 * typed. Here a username belongs to the first store in the order that has it: its {@code INVALID} is final, and a
 * user of a later store with the same name is not reached (the log of {@link DirectoryUsers} tells the operator when
 * a directory user meets a database user's name). A store that cannot tell now (the directory is down) answers
 * {@code NOT_VALIDATED}, so the other stores keep working; a database user who shares a name with a directory user
 * could then sign in while the directory is unreachable, which the README states.
 *
 * <p>Same cost for every failure: after a store refuses, each later store still does the work of a failed check
 * ({@link ChainedIdentityStore#spendFailedCheck}), so a wrong password costs what an unknown username costs, whichever
 * store has the user. A success returns at once.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class IdentityStoreChain implements IdentityStoreHandler {

  @Inject IdentityStoreSettings settings;
  @Inject @Any Instance<ChainedIdentityStore> available;

  private List<ChainedIdentityStore> chain;

  @PostConstruct
  void init() {
    chain = resolve(settings.order(), available.stream().toList());
  }

  /** The stores named by {@code order}, in that order. */
  static List<ChainedIdentityStore> resolve(List<String> order, List<ChainedIdentityStore> available) {
    Map<String, ChainedIdentityStore> byId = available.stream()
        .collect(Collectors.toMap(ChainedIdentityStore::storeId, Function.identity()));
    List<ChainedIdentityStore> stores = new ArrayList<>();
    for (String id : order) {
      ChainedIdentityStore store = byId.get(id);
      if (store == null) {
        throw new IllegalStateException(IdentityStoreSettings.STORES + ": no identity store '" + id + "'");
      }
      stores.add(store);
    }
    return List.copyOf(stores);
  }

  /** The configured order, checked. */
  public List<String> order() {
    return chain.stream().map(ChainedIdentityStore::storeId).toList();
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    return validate(chain, credential);
  }

  static CredentialValidationResult validate(List<ChainedIdentityStore> chain, Credential credential) {
    for (int i = 0; i < chain.size(); i++) {
      CredentialValidationResult result = chain.get(i).validate(credential);
      switch (result.getStatus()) {
        case VALID:
          return result;
        case INVALID:
          if (credential instanceof UsernamePasswordCredential login) {
            for (ChainedIdentityStore later : chain.subList(i + 1, chain.size())) {
              later.spendFailedCheck(login.getCaller(), login.getPasswordAsString());
            }
          }
          return CredentialValidationResult.INVALID_RESULT;
        default:
          break; // NOT_VALIDATED: not this store's user; ask the next
      }
    }
    // No store has the user: the same answer as a wrong password.
    return CredentialValidationResult.INVALID_RESULT;
  }

  /** The work of a failed check in every store, for an attempt refused without being checked (a lockout). */
  public void spendFailedCheck(String username, String password) {
    chain.forEach(store -> store.spendFailedCheck(username, password));
  }
}
