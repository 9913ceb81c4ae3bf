package dev.gatehouse.web.rest;

import dev.gatehouse.protocol.token.TokenResponse;
import jakarta.json.JsonObjectBuilder;

/** RFC 6749 §5.1 successful response. */
final class TokenResponseJson {
  private TokenResponseJson() {}

  static String write(TokenResponse response) {
    JsonObjectBuilder json = JsonOut.JSON.createObjectBuilder()
        .add("access_token", response.accessToken())
        .add("token_type", response.tokenType())
        .add("expires_in", response.expiresIn());
    response.refreshToken().ifPresent(token -> json.add("refresh_token", token));
    if (!response.scope().isEmpty()) {
      json.add("scope", response.scope());
    }
    response.idToken().ifPresent(token -> json.add("id_token", token));
    return json.build().toString();
  }
}
