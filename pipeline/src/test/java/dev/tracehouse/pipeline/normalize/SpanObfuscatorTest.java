package dev.tracehouse.pipeline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import org.junit.jupiter.api.Test;

class SpanObfuscatorTest {
  private final SpanObfuscator obfuscator = new SpanObfuscator();

  private static Span.Builder span(String type, String resource) {
    return Span.builder()
        .traceId(TraceId.ofLow(1))
        .spanId(2)
        .service("cafe")
        .name("db.query")
        .type(type)
        .resource(resource);
  }

  @Test
  void obfuscate_sqlSpan_obfuscatesResourceAndSetsSqlQuery() {
    Span out =
        obfuscator.obfuscate(span("sql", "SELECT * FROM donuts WHERE flavor = 'glazed'").build());
    assertThat(out.resource()).isEqualTo("SELECT * FROM donuts WHERE flavor = ?");
    assertThat(out.meta()).containsEntry("sql.query", "SELECT * FROM donuts WHERE flavor = ?");
  }

  @Test
  void obfuscate_unparsableCassandraQuery_isReplacedAndCounted() {
    Span out = obfuscator.obfuscate(span("cassandra", "SELECT 'oops").build());
    assertThat(out.resource()).isEqualTo(SqlObfuscator.NON_PARSABLE);
    assertThat(out.meta()).containsEntry("sql.query", SqlObfuscator.NON_PARSABLE);
    assertThat(obfuscator.sqlFailures()).isEqualTo(1);
  }

  @Test
  void obfuscate_redisSpan_quantizesResourceAndObfuscatesRawCommand() {
    Span out =
        obfuscator.obfuscate(
            span("redis", "SET donut:glazed 3")
                .putMeta("redis.raw_command", "SET donut:glazed 3")
                .build());
    assertThat(out.resource()).isEqualTo("SET");
    assertThat(out.meta()).containsEntry("redis.raw_command", "SET donut:glazed ?");
  }

  @Test
  void obfuscate_otherTypes_areUnchanged() {
    Span in = span("web", "GET /menu?id=5").build();
    assertThat(obfuscator.obfuscate(in)).isSameAs(in);
    Span db = span("db", "SELECT 1").build();
    assertThat(obfuscator.obfuscate(db)).isSameAs(db);
  }
}
