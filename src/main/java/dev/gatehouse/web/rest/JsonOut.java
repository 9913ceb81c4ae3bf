package dev.gatehouse.web.rest;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the JSON endpoints. {@code Json.createObjectBuilder()} looks the provider up through the
 * service loader on EVERY call (it scans jar entries); a profile of the introspection endpoint showed that lookup as
 * its largest cost. Looking it up once makes JSON writing the cheap thing it should be.
 */
final class JsonOut {
  static final JsonProvider JSON = JsonProvider.provider();

  private JsonOut() {}
}
