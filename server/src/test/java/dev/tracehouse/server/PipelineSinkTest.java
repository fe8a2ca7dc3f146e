package dev.tracehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.pipeline.TracePayload;
import dev.tracehouse.pipeline.TraceProcessor;
import dev.tracehouse.pipeline.sampling.SamplingConfig;
import dev.tracehouse.store.SpanWriter;
import dev.tracehouse.store.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sink's hand-over to the store and its saturation signal. */
class PipelineSinkTest {

  /** A writer with a settable room, refusing writes larger than it. */
  private static final class BoundedWriter implements SpanWriter {
    int room;
    final List<Span> written = new ArrayList<>();

    BoundedWriter(int room) {
      this.room = room;
    }

    @Override
    public void write(List<Span> spans) {
      if (spans.size() > room) {
        throw StoreException.overCapacity("full");
      }
      room -= spans.size();
      written.addAll(spans);
    }

    @Override
    public int remainingCapacity() {
      return room;
    }

    @Override
    public void flush() {}
  }

  private final BoundedWriter writer = new BoundedWriter(10);
  private final PipelineSink sink =
      new PipelineSink(new TraceProcessor(Clock.systemUTC(), SamplingConfig.defaults()), writer);

  @Test
  void saturated_whenTheStoreHasLessRoomThanTheLastPayloadItTook() {
    assertThat(sink.saturated()).isFalse();

    assertThat(sink.accept(userKeptTrace(1, 4))).isTrue();
    assertThat(writer.written).hasSize(4);
    assertThat(sink.saturated()).as("room 6 >= 4").isFalse();

    writer.room = 3;
    assertThat(sink.saturated()).isTrue();
    writer.room = 4;
    assertThat(sink.saturated()).isFalse();
  }

  @Test
  void saturated_isNotStuckAfterAPayloadLargerThanTheStoreCouldEverTake() {
    assertThat(sink.accept(userKeptTrace(2, 11))).as("refused: over capacity").isFalse();

    assertThat(sink.saturated()).isFalse();
    assertThat(sink.accept(userKeptTrace(3, 2))).isTrue();
  }

  private static TracePayload userKeptTrace(long traceId, int spans) {
    List<Span> chunk = new ArrayList<>();
    for (int i = 1; i <= spans; i++) {
      Span.Builder span =
          Span.builder()
              .traceId(TraceId.ofLow(traceId))
              .spanId(i)
              .parentId(i == 1 ? 0 : 1)
              .service("cafe")
              .name("servlet.request")
              .resource("GET /beers")
              .start(System.currentTimeMillis() * 1_000_000L)
              .duration(1_000_000);
      if (i == 1) {
        span.putMetric("_sampling_priority_v1", 2);
      }
      chunk.add(span.build());
    }
    return new TracePayload(TracePayload.Source.DATADOG, List.of(chunk), "java", false, false, 0);
  }
}
