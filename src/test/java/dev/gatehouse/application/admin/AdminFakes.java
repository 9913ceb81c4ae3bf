package dev.gatehouse.application.admin;

import dev.gatehouse.infrastructure.persistence.JpaAdministration;
import dev.gatehouse.infrastructure.persistence.JpaClientStore;
import dev.gatehouse.infrastructure.persistence.JpaUserStore;
import dev.gatehouse.infrastructure.persistence.entity.UserEntity;
import dev.gatehouse.protocol.admin.AdminActor;
import dev.gatehouse.protocol.client.Client;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import dev.gatehouse.application.oauth.GrantRevocationService;
import dev.gatehouse.application.signin.PasswordHashing;
import dev.gatehouse.application.session.SessionService;

/** In-memory stand-ins for the stores and services the administration services use: no container needed. */
public final class AdminFakes {
  private AdminFakes() {}

  static final AdminActor ADMIN = new AdminActor("admin-cli", "sub-admin", "root");

  /** Clients in a map. */
  public static final class Clients extends JpaClientStore {
    public final Map<String, Client> rows = new LinkedHashMap<>();

    @Override
    public Optional<Client> find(String clientId) {
      return Optional.ofNullable(rows.get(clientId));
    }

    @Override
    public boolean save(Client client, Instant now) {
      return rows.put(client.clientId(), client) == null;
    }
  }

  /** Users in a map, by subject. */
  public static final class Users extends JpaUserStore {
    public final Map<String, UserEntity> rows = new LinkedHashMap<>();

    @Override
    public Optional<UserEntity> findByUsername(String username) {
      return rows.values().stream().filter(u -> u.username.equals(username)).findFirst();
    }

    @Override
    public Optional<UserEntity> findById(String id) {
      return Optional.ofNullable(rows.get(id));
    }

    @Override
    public void persist(UserEntity user) {
      rows.put(user.id, user);
    }
  }

  /** Deletes from the fake client map. */
  static final class Administration extends JpaAdministration {
    final Clients clients;

    Administration(Clients clients) {
      this.clients = clients;
    }

    @Override
    public boolean deleteClient(String clientId) {
      return clients.rows.remove(clientId) != null;
    }
  }

  /** Records what was revoked. */
  static final class Revocations extends GrantRevocationService {
    final List<String> revoked = new ArrayList<>();

    @Override
    public int revokeUser(String subject, Instant now) {
      revoked.add("user:" + subject);
      return 2;
    }

    @Override
    public int revokeClient(String clientId, Instant now) {
      revoked.add("client:" + clientId);
      return 3;
    }
  }

  /** Records which sessions ended. */
  static final class Sessions extends SessionService {
    final List<String> endedFor = new ArrayList<>();

    @Override
    public int endAll(String subject) {
      endedFor.add(subject);
      return 1;
    }
  }

  /** Records every admin change. */
  static final class Changes extends AdminChanges {
    final List<String> recorded = new ArrayList<>();

    @Override
    public void record(AdminActor actor, String action, String target) {
      recorded.add(action + " " + target);
    }
  }

  /** "Hashes" by prefixing, so tests can see what was hashed without PBKDF2's cost. */
  static final class Passwords extends PasswordHashing {
    @Override
    public String hash(String password) {
      return "hash:" + password;
    }

    @Override
    public boolean verify(String password, String storedHash) {
      return ("hash:" + password).equals(storedHash);
    }
  }

  /** Collects fired events, however they are fired; every selection is the same collector. */
  static final class Events<T> implements Event<T> {
    final List<T> fired = new ArrayList<>();

    @Override
    public void fire(T event) {
      fired.add(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
      fired.add(event);
      return CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
      return fireAsync(event);
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      return narrowed();
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
      return narrowed();
    }

    /** This collector as an event of a subtype: what is fired through it is a T, so it lands in {@link #fired}. */
    @SuppressWarnings("unchecked")
    private <U extends T> Event<U> narrowed() {
      return (Event<U>) (Event<?>) this;
    }
  }
}
