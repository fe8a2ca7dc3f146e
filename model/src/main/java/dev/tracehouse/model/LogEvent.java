package dev.tracehouse.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One log event after preprocessing ({@code spec/log-pipelines.md} section 1): the reserved
 * attributes as components, the tag list and the remaining attributes as a nested JSON-like tree.
 *
 * @param timestamp the official event time, nanoseconds since the epoch
 * @param service the emitting service, {@code ""} when unknown
 * @param status the severity ({@code emerg alert critical error warn notice info debug ok}), {@code
 *     ""} when unknown
 * @param host the originating host, {@code ""} when unknown
 * @param source the integration or language ({@code java}, {@code nginx}), {@code ""} when unknown
 * @param message the log body, {@code ""} when none
 * @param tags raw tag strings ({@code env:prod}, {@code some_raw_tag}), lower-cased here, in order
 * @param attributes the other attributes: values are {@code String}, {@code Long}, {@code Double}
 *     (finite), {@code Boolean}, {@code List} or {@code Map<String, ?>} of these, or null; other
 *     integral numbers become {@code Long} and other numbers {@code Double}; deeply unmodifiable
 * @param traceId the correlated trace (its high half 0 for a 64-bit id), empty when none
 * @param spanId the emitting span's id, 0 when none (span ids are never 0)
 */
public record LogEvent(
    long timestamp,
    String service,
    String status,
    String host,
    String source,
    String message,
    List<String> tags,
    Map<String, Object> attributes,
    Optional<TraceId> traceId,
    long spanId) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException naming the attribute path of a value of an unsupported type or
   *     a non-finite number
   * @throws NullPointerException naming a null tag
   */
  public LogEvent {
    service = Objects.requireNonNullElse(service, "");
    status = Objects.requireNonNullElse(status, "");
    host = Objects.requireNonNullElse(host, "");
    source = Objects.requireNonNullElse(source, "");
    message = Objects.requireNonNullElse(message, "");
    tags = lowerCased(tags == null ? List.of() : tags);
    attributes = attributes == null ? Map.of() : copyObject(attributes, "");
    traceId = Objects.requireNonNullElse(traceId, Optional.empty());
  }

  public static Builder builder() {
    return new Builder();
  }

  private static List<String> lowerCased(List<String> tags) {
    List<String> copy = new ArrayList<>(tags.size());
    for (int i = 0; i < tags.size(); i++) {
      copy.add(Objects.requireNonNull(tags.get(i), "tags[" + i + "]").toLowerCase(Locale.ROOT));
    }
    return List.copyOf(copy);
  }

  private static Map<String, Object> copyObject(Map<?, ?> map, String path) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException(
            "attributes" + path + ": keys must be strings, got " + e.getKey());
      }
      copy.put(key, copyValue(e.getValue(), path + "." + key));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyValue(Object value, String path) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(
            "attributes" + path + ": numbers must be finite, got " + value);
      }
      return d;
    }
    if (value instanceof Map<?, ?> map) {
      return copyObject(map, path);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        copy.add(copyValue(list.get(i), path + "[" + i + "]"));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        "attributes"
            + path
            + ": unsupported value type "
            + value.getClass().getName()
            + " (expected String, Number, Boolean, List or Map)");
  }

  /** Mutable builder; setters are named after the properties. */
  public static final class Builder {
    private long timestamp;
    private String service = "";
    private String status = "";
    private String host = "";
    private String source = "";
    private String message = "";
    private final List<String> tags = new ArrayList<>();
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private TraceId traceId;
    private long spanId;

    private Builder() {}

    public Builder timestamp(long timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    public Builder service(String service) {
      this.service = service;
      return this;
    }

    public Builder status(String status) {
      this.status = status;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder source(String source) {
      this.source = source;
      return this;
    }

    public Builder message(String message) {
      this.message = message;
      return this;
    }

    public Builder addTag(String tag) {
      tags.add(tag);
      return this;
    }

    public Builder putAttribute(String key, Object value) {
      attributes.put(key, value);
      return this;
    }

    public Builder traceId(TraceId traceId) {
      this.traceId = traceId;
      return this;
    }

    public Builder spanId(long spanId) {
      this.spanId = spanId;
      return this;
    }

    public LogEvent build() {
      return new LogEvent(
          timestamp,
          service,
          status,
          host,
          source,
          message,
          tags,
          attributes,
          Optional.ofNullable(traceId),
          spanId);
    }
  }
}
