package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartialFlushTest {

  private final InMemoryWriter writer = new InMemoryWriter();

  private CoreTracer tracer(int minSpans) {
    return new CoreTracer(
        new TracerConfig("cafe", "workshop", "1.2.3", "localhost", 8126)
            .withPartialFlushMinSpans(minSpans),
        writer,
        TimeSource.system());
  }

  private static void finishChildren(CoreTracer tracer, int count) {
    for (int i = 0; i < count; i++) {
      tracer.trace("child").close();
    }
  }

  @Test
  void finishedSpans_areSentEarlyOnceThereAreMinSpansWhileTheRootIsOpen() {
    CoreTracer tracer = tracer(3);
    CoreSpan root = tracer.trace("long.job");

    finishChildren(tracer, 2);
    assertThat(writer.chunks()).isEmpty();

    finishChildren(tracer, 1);
    List<List<SpanData>> chunks = writer.chunks();
    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0)).hasSize(3).allMatch(span -> span.name().equals("child"));

    finishChildren(tracer, 1);
    root.close();

    chunks = writer.chunks();
    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(1)).extracting(SpanData::name).containsExactly("long.job", "child");
    long traceId = chunks.get(0).get(0).traceId();
    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk).allMatch(s -> s.traceId() == traceId));
  }

  @Test
  void partialChunk_carriesTheTracesSamplingDecision() {
    CoreTracer tracer = tracer(2);
    try (CoreSpan root = tracer.trace("long.job")) {
      root.keepTrace();
      finishChildren(tracer, 2);
    }

    List<SpanData> partial = writer.chunks().get(0);
    assertThat(partial.get(0).metrics()).containsEntry("_sampling_priority_v1", 2.0);
    assertThat(partial.get(0).meta()).containsEntry("_dd.p.dm", "-4").containsKey("_dd.p.tid");
  }

  @Test
  void zeroMinSpans_turnsPartialFlushOff() {
    CoreTracer tracer = tracer(0);
    try (CoreSpan root = tracer.trace("long.job")) {
      finishChildren(tracer, 50);
      assertThat(writer.chunks()).isEmpty();
    }

    assertThat(writer.chunks()).singleElement().asList().hasSize(51);
  }
}
