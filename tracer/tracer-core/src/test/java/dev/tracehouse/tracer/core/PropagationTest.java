package dev.tracehouse.tracer.core;

import static dev.tracehouse.tracer.core.PropagationStyle.B3MULTI;
import static dev.tracehouse.tracer.core.PropagationStyle.B3SINGLE;
import static dev.tracehouse.tracer.core.PropagationStyle.DATADOG;
import static dev.tracehouse.tracer.core.PropagationStyle.TRACECONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropagationTest {

  /** Both header sets of fixtures/propagation/dd-java-agent.json, first request. */
  private static final Map<String, String> DD_JAVA_AGENT =
      Map.of(
          "x-datadog-trace-id", "6700376570940581545",
          "x-datadog-parent-id", "2580671260776265235",
          "x-datadog-sampling-priority", "1",
          "x-datadog-tags", "_dd.p.dm=-1,_dd.p.tid=6b0701ae00000000,_dd.p.ksr=1",
          "traceparent", "00-6b0701ae000000005cfc84fdbc4366a9-23d062d6b4a0f613-01",
          "tracestate",
              "dd=s:1;p:23d062d6b4a0f613;t.dm:-1;t.tid:6b0701ae00000000;t.ksr:1,"
                  + "ot=rv:718958eceae699;th:0");

  private final InMemoryWriter writer = new InMemoryWriter();
  private final CoreTracer tracer = InMemoryWriter.tracer(writer);

  @Test
  void inject_defaultStylesMatchDdJavaAgentHeaderNames() {
    Propagation propagation = new Propagation(TracerConfig.DEFAULT_STYLES, List.of());
    SpanContext upstream = new SpanContext(0x6b0701ae00000000L, 0x5cfc84fdbc4366a9L, 7, 1, "-1");

    try (CoreSpan span = tracer.startActive("http.request", upstream)) {
      Map<String, String> headers = propagation.inject(span);
      String spanDecimal = Long.toUnsignedString(span.spanId());

      assertThat(headers.keySet()).containsExactlyInAnyOrderElementsOf(DD_JAVA_AGENT.keySet());
      assertThat(headers)
          .containsEntry("x-datadog-trace-id", "6700376570940581545")
          .containsEntry("x-datadog-parent-id", spanDecimal)
          .containsEntry("x-datadog-sampling-priority", "1")
          // dd-java-agent also sends _dd.p.ksr=1; we do not.
          .containsEntry("x-datadog-tags", "_dd.p.dm=-1,_dd.p.tid=6b0701ae00000000");
    }
  }

  @Test
  void inject_writesEveryConfiguredStyle() {
    Propagation propagation =
        new Propagation(List.of(B3SINGLE, B3MULTI, TRACECONTEXT, DATADOG), List.of());

    try (CoreSpan span = tracer.trace("x")) {
      assertThat(propagation.inject(span))
          .containsKeys("b3", "X-B3-TraceId", "traceparent", "tracestate", "x-datadog-trace-id");
      assertThat(new Propagation(List.of(), List.of()).inject(span)).isEmpty();
    }
  }

  @Test
  void extract_firstStyleWithAValidContextWins() {
    Map<String, String> headers = new HashMap<>(DD_JAVA_AGENT);
    headers.put("x-datadog-parent-id", "1");

    SpanContext datadogFirst =
        new Propagation(List.of(), List.of(DATADOG, TRACECONTEXT)).extract(headers).orElseThrow();
    SpanContext w3cFirst =
        new Propagation(List.of(), List.of(TRACECONTEXT, DATADOG)).extract(headers).orElseThrow();

    assertThat(datadogFirst.spanId()).isEqualTo(1);
    assertThat(w3cFirst.spanId()).isEqualTo(0x23d062d6b4a0f613L);
    assertThat(w3cFirst.traceIdHigh()).isEqualTo(datadogFirst.traceIdHigh());
    assertThat(w3cFirst.traceIdLow()).isEqualTo(datadogFirst.traceIdLow());
  }

  @Test
  void extract_fallsThroughMalformedStylesAndMatchesNamesInAnyCase() {
    Map<String, String> headers =
        Map.of(
            "X-Datadog-Trace-Id", "junk",
            "X-Datadog-Parent-Id", "5",
            "B3", "000000000000000a-000000000000000b-0");
    Propagation propagation =
        new Propagation(List.of(), List.of(DATADOG, TRACECONTEXT, B3MULTI, B3SINGLE));

    assertThat(propagation.extract(headers)).contains(new SpanContext(0, 10, 11, 0, null));
  }

  @Test
  void extract_readsDdTraceJsHeadersWithEitherStyle() {
    Map<String, String> headers =
        Map.of(
            "x-datadog-trace-id", "5754706568554439491",
            "x-datadog-parent-id", "7206845093860447927",
            "x-datadog-sampling-priority", "1",
            "x-datadog-tags", "_dd.p.tid=6b07020100000000,_dd.p.dm=-0",
            "traceparent", "00-6b070201000000004fdcd322654b6343-6403db6dead196b7-01",
            "tracestate",
                "dd=t.dm:-0;t.tid:6b07020100000000;s:1;p:6403db6dead196b7,ot=rv:7d128d67bb4943;th:0");

    for (PropagationStyle style : List.of(DATADOG, TRACECONTEXT)) {
      SpanContext context = new Propagation(List.of(), List.of(style)).extract(headers).get();

      assertThat(context.traceIdHigh()).isEqualTo(0x6b07020100000000L);
      assertThat(context.traceIdLow()).isEqualTo(0x4fdcd322654b6343L);
      assertThat(context.spanId()).isEqualTo(0x6403db6dead196b7L);
      assertThat(context.samplingPriority()).isEqualTo(1);
    }
  }

  @Test
  void extract_neverThrowsWhenTheLookupFails() {
    Propagation propagation = new Propagation(List.of(), TracerConfig.DEFAULT_STYLES);

    assertThat(
            propagation.extract(
                name -> {
                  throw new IllegalStateException("broken request");
                }))
        .isEmpty();
    assertThat(propagation.extract((Map<String, String>) null)).isEmpty();
  }
}
