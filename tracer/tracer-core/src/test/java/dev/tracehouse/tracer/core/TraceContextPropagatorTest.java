package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceContextPropagatorTest {

  /** fixtures/propagation/dd-java-agent.json, first request (client span 23d062d6b4a0f613). */
  private static final String JAVA_SPAN_HEX = "23d062d6b4a0f613";

  private static final String JAVA_TRACEPARENT =
      "00-6b0701ae000000005cfc84fdbc4366a9-23d062d6b4a0f613-01";
  private static final String JAVA_TRACESTATE =
      "dd=s:1;p:23d062d6b4a0f613;t.dm:-1;t.tid:6b0701ae00000000;t.ksr:1,ot=rv:718958eceae699;th:0";

  private final InMemoryWriter writer = new InMemoryWriter();
  private final CoreTracer tracer = InMemoryWriter.tracer(writer);

  private static Map<String, String> inject(CoreSpan span) {
    Map<String, String> headers = new LinkedHashMap<>();
    TraceContextPropagator.inject(span, headers);
    return headers;
  }

  private static Map<String, String> headers(String traceparent, String tracestate) {
    Map<String, String> headers = new HashMap<>();
    headers.put("traceparent", traceparent);
    headers.put("tracestate", tracestate);
    return headers;
  }

  private static SpanContext extract(String traceparent, String tracestate) {
    return TraceContextPropagator.extract(headers(traceparent, tracestate)::get).orElse(null);
  }

  @Test
  void inject_matchesDdJavaAgentForTheSameContext() {
    SpanContext upstream = new SpanContext(0x6b0701ae00000000L, 0x5cfc84fdbc4366a9L, 7, 1, "-1");
    try (CoreSpan span = tracer.startActive("http.request", upstream)) {
      String ours = Hex.of(span.spanId());

      Map<String, String> headers = inject(span);

      assertThat(headers.get("traceparent"))
          .isEqualTo(JAVA_TRACEPARENT.replace(JAVA_SPAN_HEX, ours));
      String ddMember = JAVA_TRACESTATE.substring(0, JAVA_TRACESTATE.indexOf(','));
      // dd-java-agent also sends t.ksr (knuth sampling rate) and an ot= member; we do not.
      assertThat(headers.get("tracestate"))
          .isEqualTo(ddMember.replace(JAVA_SPAN_HEX, ours).replace(";t.ksr:1", ""));
    }
  }

  @Test
  void inject_marksUnsampledTraces() {
    try (CoreSpan span = tracer.startActive("x", new SpanContext(0, 5, 6, 0, "-3"))) {
      Map<String, String> headers = inject(span);

      assertThat(headers.get("traceparent")).endsWith("-00").contains("-0000000000000000");
      assertThat(headers.get("tracestate")).startsWith("dd=s:0;").endsWith(";t.dm:-3");
    }
  }

  @Test
  void extract_readsDdJavaAgentHeaders() {
    assertThat(extract(JAVA_TRACEPARENT, JAVA_TRACESTATE))
        .isEqualTo(
            new SpanContext(
                0x6b0701ae00000000L,
                0x5cfc84fdbc4366a9L,
                0x23d062d6b4a0f613L,
                1,
                "-1",
                "ot=rv:718958eceae699;th:0"));
  }

  @Test
  void extract_readsDdTraceJsHeaders() {
    SpanContext context =
        extract(
            "00-6b0701d700000000755b719d78e7a3c1-6409efc4738e7b3a-01",
            "dd=t.dm:-0;t.tid:6b0701d700000000;s:1;p:6409efc4738e7b3a,ot=rv:97a81b72f9e383;th:0");

    assertThat(context)
        .isEqualTo(
            new SpanContext(
                0x6b0701d700000000L,
                0x755b719d78e7a3c1L,
                0x6409efc4738e7b3aL,
                1,
                "-0",
                "ot=rv:97a81b72f9e383;th:0"));
  }

  @Test
  void extract_readsOtelTraceparentWithRandomFlag() {
    SpanContext context = extract("00-740b5d7e77db151ee03a4ef566c770f7-5ecbcaf5329f04e5-03", null);

    assertThat(context)
        .isEqualTo(
            new SpanContext(
                0x740b5d7e77db151eL, 0xe03a4ef566c770f7L, 0x5ecbcaf5329f04e5L, 1, null));
  }

  @Test
  void extract_prefersFlagWhenDdPriorityDisagrees() {
    String parent = "00-0000000000000000000000000000000a-000000000000000b-00";

    assertThat(extract(parent, "dd=s:2").samplingPriority()).isZero();
    assertThat(extract(parent.replace("-00", "-01"), "dd=s:-1").samplingPriority()).isEqualTo(1);
    assertThat(extract(parent.replace("-00", "-01"), "dd=s:2").samplingPriority()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "00-6b0701ae000000005cfc84fdbc4366a9-23d062d6b4a0f613",
        "00-6b0701ae000000005cfc84fdbc4366a-23d062d6b4a0f613-01",
        "00-6b0701ae000000005cfc84fdbc4366a9-23d062d6b4a0f61-01",
        "00-00000000000000000000000000000000-23d062d6b4a0f613-01",
        "00-6b0701ae000000005cfc84fdbc4366a9-0000000000000000-01",
        "00-6b0701ae000000005cfc84fdbc4366aG-23d062d6b4a0f613-01",
        "00-6B0701AE000000005CFC84FDBC4366A9-23d062d6b4a0f613-01",
        "ff-6b0701ae000000005cfc84fdbc4366a9-23d062d6b4a0f613-01",
        "00-6b0701ae000000005cfc84fdbc4366a9-23d062d6b4a0f613-01-extra",
        "01-6b0701ae000000005cfc84fdbc4366a9-23d062d6b4a0f613-01extra",
        "00_6b0701ae000000005cfc84fdbc4366a9_23d062d6b4a0f613_01",
        "00-6b0701ae000000005cfc84fdbc4366a9-23d062d6b4a0f613-zz",
        "00-6b0701ae000000000000000000000000-23d062d6b4a0f613-01"
      })
  void extract_ignoresMalformedTraceparent(String traceparent) {
    assertThat(TraceContextPropagator.extract(headers(traceparent, JAVA_TRACESTATE)::get))
        .isEmpty();
  }

  @Test
  void extract_acceptsFutureVersionWithExtraFields() {
    assertThat(extract("01-6b0701ae000000005cfc84fdbc4366a9-23d062d6b4a0f613-01-cafe", null))
        .isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dd=s:", "dd=s:+2", "dd=s:100", "dd=s:2a", "dd=s:--2", "dd=s:-"})
  void extract_fallsBackToTheFlagForMalformedDdPriority(String tracestate) {
    String sampled = "00-0000000000000000000000000000000a-000000000000000b-01";

    assertThat(extract(sampled, tracestate).samplingPriority()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dd=s:2;t.dm:-12345", "dd=s:2;t.dm:4", "dd=s:2;t.dm:-x"})
  void extract_dropsMalformedDecisionMaker(String tracestate) {
    String sampled = "00-0000000000000000000000000000000a-000000000000000b-01";

    SpanContext context = extract(sampled, tracestate);

    assertThat(context.samplingPriority()).isEqualTo(2);
    assertThat(context.decisionMaker()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dd=s:1,novalue", "dd=s:1,=x", "dd=s:1,key="})
  void extract_dropsMalformedTracestateButKeepsTraceparent(String tracestate) {
    SpanContext context = extract(JAVA_TRACEPARENT, tracestate);

    assertThat(context.spanId()).isEqualTo(0x23d062d6b4a0f613L);
    assertThat(context.vendorState()).isEmpty();
    assertThat(context.decisionMaker()).isNull();
  }

  @Test
  void extract_dropsOversizeTracestate() {
    String tracestate = "dd=s:2;t.dm:-4,other=" + "x".repeat(600);

    SpanContext context = extract(JAVA_TRACEPARENT, tracestate);

    assertThat(context.samplingPriority()).isEqualTo(1);
    assertThat(context.vendorState()).isEmpty();
  }

  @Test
  void extract_dropsTracestateWithMoreThan32Members() {
    StringBuilder state = new StringBuilder("dd=s:2");
    for (int i = 0; i < 32; i++) {
      state.append(",v").append(i).append("=1");
    }

    assertThat(extract(JAVA_TRACEPARENT, state.toString()).vendorState()).isEmpty();
  }

  @Test
  void inject_putsDdFirstAndKeepsAtMost32Members() {
    StringBuilder state = new StringBuilder();
    for (int i = 0; i < 32; i++) {
      state.append(i == 0 ? "" : ",").append("v").append(i).append("=1");
    }
    SpanContext upstream = extract(JAVA_TRACEPARENT, state.toString());

    try (CoreSpan span = tracer.startActive("x", upstream)) {
      List<String> members = List.of(inject(span).get("tracestate").split(","));

      assertThat(members).hasSize(32).endsWith("v30=1");
      assertThat(members.get(0)).startsWith("dd=s:1;p:");
      assertThat(members.get(1)).isEqualTo("v0=1");
    }
  }

  @Test
  void inject_keepsTracestateWithin512Characters() {
    String big = "a=" + "x".repeat(250) + ",b=" + "y".repeat(250);
    SpanContext upstream = extract(JAVA_TRACEPARENT, big);

    try (CoreSpan span = tracer.startActive("x", upstream)) {
      String tracestate = inject(span).get("tracestate");

      assertThat(tracestate.length()).isLessThanOrEqualTo(512);
      assertThat(tracestate).contains(",a=x").doesNotContain(",b=");
    }
  }
}
