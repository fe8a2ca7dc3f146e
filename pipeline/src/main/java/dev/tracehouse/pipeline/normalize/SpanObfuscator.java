package dev.tracehouse.pipeline.normalize;

import dev.tracehouse.model.Span;

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
    return span.toBuilder()
        .resource(query)
        .putMeta(SQL_QUERY, bound(query, TagLimits.MAX_META_VALUE_BYTES))
        .build();
  }

  private Span obfuscateRedis(Span span) {
    Span.Builder b = span.toBuilder().resource(redis.quantize(span.resource()));
    String raw = span.meta().get(REDIS_RAW_COMMAND);
    if (raw != null && !raw.isEmpty()) {
      b.putMeta(REDIS_RAW_COMMAND, bound(redis.obfuscate(raw), TagLimits.MAX_META_VALUE_BYTES));
    }
    Span out = b.build();
    if (out.resource().isEmpty()) {
      return out.toBuilder().resource(out.name()).build();
    }
    return out;
  }

  private static String bound(String s, int maxBytes) {
    return Text.truncateUtf8(s, maxBytes);
  }
}
