package dev.tracehouse.pipeline.normalize;

import dev.tracehouse.model.Span;
import dev.tracehouse.pipeline.internal.TagMaps;
import java.util.Map;

/**
 * Applies the obfuscators to the spans they concern, like the Datadog agent: type {@code sql} or
 * {@code cassandra} gets an obfuscated resource, copied to meta {@code sql.query}; type {@code
 * redis} gets a quantized resource (command names) and an obfuscated {@code redis.raw_command}.
 * Other spans are returned unchanged. Run it after {@link Normalizer}; the result stays within the
 * normaliser's limits. Thread-safe.
 */
public final class SpanObfuscator {
  static final String SQL_QUERY = "sql.query";
  static final String REDIS_RAW_COMMAND = "redis.raw_command";

  private final SqlObfuscator sql = new SqlObfuscator();
  private final RedisObfuscator redis = new RedisObfuscator();

  /** The span with its query text obfuscated where its type asks for it. */
  public Span obfuscate(Span span) {
    return switch (span.type()) {
      case "sql", "cassandra" -> obfuscateSql(span);
      case "redis" -> obfuscateRedis(span);
      default -> span;
    };
  }

  /**
   * How many SQL resources could not be tokenized and became {@link SqlObfuscator#NON_PARSABLE}.
   */
  public long sqlFailures() {
    return sql.failures();
  }

  private Span obfuscateSql(Span span) {
    if (span.resource().isEmpty()) {
      return span;
    }
    String query = bound(sql.obfuscate(span.resource()), SpanNormalizer.MAX_RESOURCE_BYTES);
    String metaQuery = bound(query, TagLimits.MAX_META_VALUE_BYTES);
    return with(span, query, TagMaps.with(span.meta(), SQL_QUERY, metaQuery));
  }

  private Span obfuscateRedis(Span span) {
    String resource = redis.quantize(span.resource());
    Map<String, String> meta = span.meta();
    String raw = meta.get(REDIS_RAW_COMMAND);
    if (raw != null && !raw.isEmpty()) {
      String hidden = bound(redis.obfuscate(raw), TagLimits.MAX_META_VALUE_BYTES);
      meta = TagMaps.with(meta, REDIS_RAW_COMMAND, hidden);
    }
    return with(span, resource.isEmpty() ? span.name() : resource, meta);
  }

  /** The span with another resource and meta; the span itself when both are unchanged. */
  private static Span with(Span span, String resource, Map<String, String> meta) {
    if (resource.equals(span.resource()) && meta == span.meta()) {
      return span;
    }
    return new Span(
        span.traceId(),
        span.spanId(),
        span.parentId(),
        span.service(),
        span.name(),
        resource,
        span.type(),
        span.start(),
        span.duration(),
        span.error(),
        meta,
        span.metrics());
  }

  private static String bound(String s, int maxBytes) {
    return Text.truncateUtf8(s, maxBytes);
  }
}
