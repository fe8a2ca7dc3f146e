package dev.tracehouse.tracer.core;

import java.util.List;
import java.util.Map;

/**
 * The agent's trace endpoint the writer posts to, chosen as dd-java-agent does: {@code
 * /v0.5/traces} when it is enabled ({@code dd.trace.agent.v0.5.enabled}, off by default) and the
 * agent's {@code GET /info} lists it, otherwise {@code /v0.4/traces}.
 */
enum TraceEndpoint {
  V04("/v0.4/traces"),
  V05("/v0.5/traces");

  private final String path;

  TraceEndpoint(String path) {
    this.path = path;
  }

  String path() {
    return path;
  }

  /**
   * The endpoint for an agent whose {@code /info} answered {@code infoBody}: v0.5 only when the
   * body is a JSON object whose {@code endpoints} list holds {@code /v0.5/traces} (with or without
   * the leading slash). Anything else, including a body that is not JSON, gives v0.4.
   */
  static TraceEndpoint fromInfo(String infoBody) {
    try {
      if (Json.parse(infoBody) instanceof Map<?, ?> info
          && info.get("endpoints") instanceof List<?> endpoints
          && (endpoints.contains(V05.path) || endpoints.contains(V05.path.substring(1)))) {
        return V05;
      }
    } catch (IllegalArgumentException notJson) {
      // an agent whose /info we cannot read gets the endpoint every agent has
    }
    return V04;
  }
}
