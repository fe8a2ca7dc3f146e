package dev.tracehouse.intake;

import dev.tracehouse.pipeline.TracePayload;
import java.util.Map;

/**
 * Where the intake hands decoded payloads (normally the processing pipeline). Called concurrently
 * from the HTTP worker threads.
 */
@FunctionalInterface
public interface SpanSink {

  /** What the Datadog trace endpoints answer when nothing samples: keep everything. */
  Map<String, Double> KEEP_ALL = Map.of("service:,env:", 1.0);

  /**
   * Takes one payload.
   *
   * @return {@code true} when accepted; {@code false} when overloaded: the payload is dropped and
   *     counted, and the client gets 200 (or 429 if it asked for real statuses)
   */
  boolean accept(TracePayload payload);

  /**
   * Whether the next payload would be refused anyway. While this holds the intake drops payloads
   * without decoding them (counted as shed), so an overloaded server does not spend its CPU
   * decoding what it cannot keep. Must be cheap; {@code false} by default.
   */
  default boolean saturated() {
    return false;
  }

  /**
   * The sampling rates the Datadog trace endpoints return as {@code rate_by_service}, keyed {@code
   * service:<name>,env:<env>} with the default under {@code service:,env:}.
   */
  default Map<String, Double> rateByService() {
    return KEEP_ALL;
  }
}
