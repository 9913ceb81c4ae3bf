package dev.gatehouse.protocol.admin;

import java.util.Objects;

/**
 * Who made an administrative change, for the record every change leaves: the client whose access token called the
 * admin API (absent for the console), and the user it acted for (absent for a client acting on its own behalf, as an
 * automation with a {@code client_credentials} token does).
 *
 * @param clientId the calling client, or null (the console)
 * @param subject the administrator's subject identifier, or null (a client on its own behalf)
 * @param username the administrator's username as shown to people, or null
 */
public record AdminActor(String clientId, String subject, String username) {
  public AdminActor {
    if (clientId == null && subject == null) {
      throw new IllegalArgumentException("an actor is a client, a user, or both");
    }
  }

  /** A user in the console (signed in through Gatehouse's own pages). */
  public static AdminActor user(String subject, String username) {
    return new AdminActor(null, Objects.requireNonNull(subject, "subject"), username);
  }

  /** A client acting on its own behalf (client credentials), or a self-registering client (RFC 7591). */
  public static AdminActor client(String clientId) {
    return new AdminActor(Objects.requireNonNull(clientId, "clientId"), null, null);
  }

  /** As a log field: {@code user:alice(sub)/client:x}, {@code user:alice(sub)} or {@code client:x}. */
  @Override
  public String toString() {
    String user = subject == null ? null : "user:" + (username == null ? "" : username) + "(" + subject + ")";
    String client = clientId == null ? null : "client:" + clientId;
    return user == null ? client : client == null ? user : user + "/" + client;
  }
}
