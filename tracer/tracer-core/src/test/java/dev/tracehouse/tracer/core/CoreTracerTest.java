package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.tracer.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreTracerTest {

  private static final long EPOCH_NANOS = 1_795_621_294_000_000_000L;

  private final InMemoryWriter writer = new InMemoryWriter();
  private final FakeTime time = new FakeTime(EPOCH_NANOS);
  private final CoreTracer tracer =
      new CoreTracer(
          new TracerConfig("cafe", "workshop", "1.2.3", "localhost", 8126), writer, time);

  @Test
  void trace_activatesSpanAndCloseRestoresPrevious() {
    try (Span outer = tracer.trace("outer")) {
      try (Span inner = tracer.trace("inner")) {
        assertThat(tracer.activeSpan()).containsSame(inner);
      }
      assertThat(tracer.activeSpan()).containsSame(outer);
    }
    assertThat(tracer.activeSpan()).isEmpty();
  }

  @Test
  void trace_makesChildOfActiveSpan() {
    try (CoreSpan root = tracer.trace("root");
        CoreSpan child = tracer.trace("child")) {
      assertThat(child.parentId()).isEqualTo(root.spanId());
      assertThat(child.trace()).isSameAs(root.trace());
      assertThat(root.parentId()).isZero();
    }
  }

  @Test
  void close_outOfOrderKeepsInnerActiveThenClearsStack() {
    CoreSpan outer = tracer.trace("outer");
    CoreSpan inner = tracer.trace("inner");

    outer.close();
    assertThat(tracer.activeSpan()).containsSame(inner);

    inner.close();
    assertThat(tracer.activeSpan()).isEmpty();
  }

  @Test
  void close_isIdempotent() {
    CoreSpan outer = tracer.trace("outer");
    CoreSpan inner = tracer.trace("inner");

    inner.close();
    inner.close();

    assertThat(tracer.activeSpan()).containsSame(outer);
    outer.close();
    assertThat(writer.spans()).hasSize(2);
  }

  @Test
  void close_onAnotherThreadLeavesThisThreadsStackConsistent() throws Exception {
    CoreSpan outer = tracer.trace("outer");
    CoreSpan inner = tracer.trace("inner");

    Thread other = new Thread(inner::close);
    other.start();
    other.join();

    assertThat(tracer.activeSpan()).containsSame(outer);
    outer.close();
    assertThat(tracer.activeSpan()).isEmpty();
  }

  @Test
  void write_happensOnlyWhenEveryLocalSpanFinished() {
    CoreSpan root = tracer.trace("root");
    CoreSpan detached = tracer.startDetached("async");
    root.close();
    assertThat(writer.chunks()).isEmpty();

    detached.close();

    assertThat(writer.chunks()).singleElement().satisfies(chunk -> assertThat(chunk).hasSize(2));
    assertThat(writer.chunks().get(0).get(0).name()).isEqualTo("root");
  }

  @Test
  void write_putsTraceTagsOnLocalRootAndIdentityOnEverySpan() {
    try (CoreSpan root = tracer.trace("root")) {
      tracer.trace("child").close();
      assertThat(root).isNotNull();
    }

    List<SpanData> chunk = writer.chunks().get(0);
    SpanData root = chunk.get(0);
    SpanData child = chunk.get(1);
    assertThat(root.meta())
        .containsEntry("_dd.p.tid", String.format("%08x00000000", EPOCH_NANOS / 1_000_000_000L))
        .containsEntry("_dd.p.dm", "-0");
    assertThat(root.metrics())
        .containsEntry("_sampling_priority_v1", 1.0)
        .containsKey("process_id");
    assertThat(child.meta()).doesNotContainKey("_dd.p.tid");
    for (SpanData span : chunk) {
      assertThat(span.meta())
          .containsEntry("env", "workshop")
          .containsEntry("version", "1.2.3")
          .containsEntry("language", "jvm");
      assertThat(span.service()).isEqualTo("cafe");
      assertThat(span.traceId()).isEqualTo(root.traceId());
    }
  }

  @Test
  void close_recordsStartFromWallClockAndDurationFromMonotonicClock() {
    CoreSpan root = tracer.trace("root");
    time.advance(500);
    CoreSpan child = tracer.trace("child");
    time.advance(250);
    child.close();
    root.close();

    List<SpanData> chunk = writer.chunks().get(0);
    assertThat(chunk.get(0).start()).isEqualTo(EPOCH_NANOS);
    assertThat(chunk.get(0).duration()).isEqualTo(750);
    assertThat(chunk.get(1).start()).isEqualTo(EPOCH_NANOS + 500);
    assertThat(chunk.get(1).duration()).isEqualTo(250);
  }

  @Test
  void close_givesAtLeastOneNanosecondDuration() {
    tracer.trace("instant").close();

    assertThat(writer.spans().get(0).duration()).isEqualTo(1);
  }

  @Test
  void startActive_continuesRemoteTraceWithItsPriority() {
    SpanContext remote = new SpanContext(0x6b0701ae00000000L, 42, 7, 2, "-4");

    tracer.startActive("web.request", remote).close();

    SpanData span = writer.spans().get(0);
    assertThat(span.traceId()).isEqualTo(42);
    assertThat(span.parentId()).isEqualTo(7);
    assertThat(span.metrics()).containsEntry("_sampling_priority_v1", 2.0);
    assertThat(span.meta())
        .containsEntry("_dd.p.tid", "6b0701ae00000000")
        .containsEntry("_dd.p.dm", "-4");
  }

  @Test
  void setters_recordTagsErrorAndIgnoreChangesAfterClose() {
    CoreSpan span = tracer.trace("op");
    span.setTag("s", "v").setTag("n", 2).setTag("b", false).setResource("res").setType("custom");
    span.setService("other").setError(new IllegalStateException("no espresso"));
    span.close();
    span.setTag("late", "x").setResource("late");

    SpanData data = writer.spans().get(0);
    assertThat(data.resource()).isEqualTo("res");
    assertThat(data.type()).isEqualTo("custom");
    assertThat(data.service()).isEqualTo("other");
    assertThat(data.error()).isEqualTo(1);
    assertThat(data.metrics()).containsEntry("n", 2.0);
    assertThat(data.meta())
        .containsEntry("s", "v")
        .containsEntry("b", "false")
        .containsEntry("error.type", "java.lang.IllegalStateException")
        .containsEntry("error.message", "no espresso")
        .doesNotContainKey("late");
    assertThat(data.meta().get("error.stack"))
        .startsWith("java.lang.IllegalStateException: no espresso");
  }

  @Test
  void setters_ignoreNullKeysAndValues() {
    CoreSpan span = tracer.trace(null);
    span.setTag(null, "v").setTag("k", (String) null).setTag("n", (Number) null).setError(null);
    span.close();

    SpanData data = writer.spans().get(0);
    assertThat(data.name()).isEqualTo("unnamed");
    assertThat(data.error()).isZero();
    assertThat(data.meta()).containsOnlyKeys("env", "version", "language", "_dd.p.dm", "_dd.p.tid");
  }
}
