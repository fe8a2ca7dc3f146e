package dev.tracehouse.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One span in the Datadog model ({@code spec/apm-model.md} section 1). Ids are unsigned 64-bit
 * values held in {@code long}s; compare and print them with the unsigned helpers of {@link Long}.
 *
 * @param traceId the 128-bit trace id (high half 0 when the client sent none)
 * @param spanId the span id, never 0
 * @param parentId the parent's span id, 0 for a root span
 * @param service the emitting service
 * @param name the operation name
 * @param resource the resource name
 * @param type the span type, {@code ""} when none
 * @param start start time, nanoseconds since the epoch
 * @param duration duration in nanoseconds
 * @param error whether the span is an error span
 * @param meta string tags, unmodifiable (a {@link TagMap} is kept as it is, other maps are copied)
 * @param metrics numeric tags, unmodifiable (likewise)
 */
public record Span(
    TraceId traceId,
    long spanId,
    long parentId,
    String service,
    String name,
    String resource,
    String type,
    long start,
    long duration,
    boolean error,
    Map<String, String> meta,
    Map<String, Double> metrics) {

  public Span {
    Objects.requireNonNull(traceId, "traceId");
    service = Objects.requireNonNullElse(service, "");
    name = Objects.requireNonNullElse(name, "");
    resource = Objects.requireNonNullElse(resource, "");
    type = Objects.requireNonNullElse(type, "");
    meta = unmodifiable(meta);
    metrics = unmodifiable(metrics);
  }

  /** {@code tags} as an unmodifiable map: a {@link TagMap} as it is, anything else copied. */
  private static <V> Map<String, V> unmodifiable(Map<String, V> tags) {
    if (tags == null) {
      return Map.of();
    }
    return tags instanceof TagMap<V> ? tags : Map.copyOf(tags);
  }

  /** Whether this span has no parent. */
  public boolean isRoot() {
    return parentId == 0;
  }

  /** This span with other tags (copied, like every record component). */
  public Span withTags(Map<String, String> meta, Map<String, Double> metrics) {
    return new Span(
        traceId, spanId, parentId, service, name, resource, type, start, duration, error, meta,
        metrics);
  }

  /** End time, nanoseconds since the epoch. */
  public long end() {
    return start + duration;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this span's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.traceId = traceId;
    b.spanId = spanId;
    b.parentId = parentId;
    b.service = service;
    b.name = name;
    b.resource = resource;
    b.type = type;
    b.start = start;
    b.duration = duration;
    b.error = error;
    b.meta.putAll(meta);
    b.metrics.putAll(metrics);
    return b;
  }

  /** Mutable builder; setters are named after the properties. */
  public static final class Builder {
    private TraceId traceId;
    private long spanId;
    private long parentId;
    private String service = "";
    private String name = "";
    private String resource = "";
    private String type = "";
    private long start;
    private long duration;
    private boolean error;
    private final Map<String, String> meta = new LinkedHashMap<>();
    private final Map<String, Double> metrics = new LinkedHashMap<>();

    private Builder() {}

    public Builder traceId(TraceId traceId) {
      this.traceId = traceId;
      return this;
    }

    public Builder spanId(long spanId) {
      this.spanId = spanId;
      return this;
    }

    public Builder parentId(long parentId) {
      this.parentId = parentId;
      return this;
    }

    public Builder service(String service) {
      this.service = service;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder resource(String resource) {
      this.resource = resource;
      return this;
    }

    public Builder type(String type) {
      this.type = type;
      return this;
    }

    public Builder start(long start) {
      this.start = start;
      return this;
    }

    public Builder duration(long duration) {
      this.duration = duration;
      return this;
    }

    public Builder error(boolean error) {
      this.error = error;
      return this;
    }

    public Builder putMeta(String key, String value) {
      meta.put(key, value);
      return this;
    }

    public Builder putMetric(String key, double value) {
      metrics.put(key, value);
      return this;
    }

    public Span build() {
      return new Span(
          traceId, spanId, parentId, service, name, resource, type, start, duration, error, meta,
          metrics);
    }
  }
}
