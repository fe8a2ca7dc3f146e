package dev.tracehouse.tracer.core.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.CoreTracer;
import dev.tracehouse.tracer.core.InMemoryWriter;
import dev.tracehouse.tracer.core.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisTracingTest {

  private final InMemoryWriter writer = new InMemoryWriter();
  private final CoreTracer tracer = InMemoryWriter.tracer(writer);

  @Test
  void start_makesACommandSpanAsChildOfTheActiveSpan() {
    try (CoreSpan parent = tracer.trace("cafe.order")) {
      CoreSpan span = RedisTracing.start(tracer, "ZINCRBY", "127.0.0.1", 6379);
      assertThat(tracer.activeSpan()).containsSame(parent);
      RedisTracing.finish(span, null);
    }

    SpanData parent = writer.spans().get(0);
    SpanData redis = writer.spans().get(1);
    assertThat(redis.parentId()).isEqualTo(parent.spanId());
    assertThat(redis.name()).isEqualTo("redis.command");
    assertThat(redis.service()).isEqualTo("redis");
    assertThat(redis.type()).isEqualTo("redis");
    assertThat(redis.resource()).isEqualTo("ZINCRBY");
    assertThat(redis.error()).isZero();
    assertThat(redis.meta())
        .containsEntry("db.type", "redis")
        .containsEntry("span.kind", "client")
        .containsEntry("component", "redis-command")
        .containsEntry("out.host", "127.0.0.1")
        .containsEntry("peer.hostname", "127.0.0.1")
        .doesNotContainKey("redis.raw_command");
    assertThat(redis.metrics())
        .containsEntry("out.port", 6379.0)
        .containsEntry("peer.port", 6379.0)
        .containsEntry("_dd.measured", 1.0);
  }

  @Test
  void start_insideAnotherCommand_returnsNullUntilItFinishes() {
    CoreSpan outer = RedisTracing.start(tracer, "GET", "h", 1);

    assertThat(RedisTracing.start(tracer, "GET", "h", 1)).isNull();
    RedisTracing.finish(outer, null);
    RedisTracing.finish(RedisTracing.start(tracer, "SET", null, 0), null);

    assertThat(writer.spans()).extracting(SpanData::resource).containsExactly("GET", "SET");
    assertThat(writer.spans().get(1).meta()).doesNotContainKey("out.host");
    assertThat(writer.spans().get(1).metrics()).doesNotContainKey("out.port");
  }

  @Test
  void finish_withError_marksTheSpan() {
    CoreSpan span = RedisTracing.start(tracer, "GET", "h", 1);
    RedisTracing.finish(span, new IllegalStateException("WRONGTYPE"));

    SpanData redis = writer.spans().get(0);
    assertThat(redis.error()).isEqualTo(1);
    assertThat(redis.meta()).containsEntry("error.message", "WRONGTYPE");
  }

  @Test
  void rawCommand_isNotStoredByDefault() {
    CoreSpan span = RedisTracing.start(tracer, "SET", "h", 1);
    RedisTracing.rawCommand(span, List.of("SET".getBytes(StandardCharsets.UTF_8)));
    RedisTracing.finish(span, null);

    assertThat(RedisTracing.storesArguments()).isFalse();
    assertThat(writer.spans().get(0).meta()).doesNotContainKey("redis.raw_command");
  }

  @Test
  void start_returnsNullWithoutTracehouseTracer() {
    assertThat(RedisTracing.start(GlobalTracer.get(), "GET", "h", 1)).isNull();
    RedisTracing.finish(null, null);
  }
}
