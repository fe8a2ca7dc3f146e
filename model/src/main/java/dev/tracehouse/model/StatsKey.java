package dev.tracehouse.model;

import java.util.Objects;

/**
 * What APM stats are grouped by inside one time bucket ({@code spec/apm-model.md} section 4.1),
 * plus the span kind and trace-root flag that client-computed stats carry. Null strings read as
 * {@code ""}.
 *
 * @param env deployment environment ({@code env} tag)
 * @param service service name
 * @param name operation name
 * @param resource resource name
 * @param type span type
 * @param httpStatusCode HTTP status code, 0 when none
 * @param version application version ({@code version} tag)
 * @param host agent host name; {@code ""} for stats computed here, the payload's host for client
 *     stats
 * @param synthetics whether the trace came from Synthetics ({@code _dd.origin} starts with {@code
 *     synthetics})
 * @param spanKind {@code span.kind} tag ({@code server}, {@code client}, ...), {@code ""} when none
 * @param traceRoot whether the span is the root of its trace
 */
public record StatsKey(
    String env,
    String service,
    String name,
    String resource,
    String type,
    int httpStatusCode,
    String version,
    String host,
    boolean synthetics,
    String spanKind,
    TraceRoot traceRoot) {

  /** Whether a stats row describes trace-root spans; clients that do not say give {@code UNSET}. */
  public enum TraceRoot {
    UNSET,
    YES,
    NO
  }

  public StatsKey {
    env = Objects.requireNonNullElse(env, "");
    service = Objects.requireNonNullElse(service, "");
    name = Objects.requireNonNullElse(name, "");
    resource = Objects.requireNonNullElse(resource, "");
    type = Objects.requireNonNullElse(type, "");
    version = Objects.requireNonNullElse(version, "");
    host = Objects.requireNonNullElse(host, "");
    spanKind = Objects.requireNonNullElse(spanKind, "");
    traceRoot = Objects.requireNonNullElse(traceRoot, TraceRoot.UNSET);
  }
}
