package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatadogPropagatorTest {

  /** Headers dd-java-agent 1.68.1 sent (fixtures/propagation/dd-java-agent.json). */
  private static final Map<String, String> DD_JAVA_AGENT =
      Map.of(
          "x-datadog-trace-id", "6700376570940581545",
          "x-datadog-parent-id", "2580671260776265235",
          "x-datadog-sampling-priority", "1",
          "x-datadog-tags", "_dd.p.dm=-1,_dd.p.tid=6b0701ae00000000,_dd.p.ksr=1");

  private final InMemoryWriter writer = new InMemoryWriter();
  private final CoreTracer tracer = InMemoryWriter.tracer(writer);

  @Test
  void extract_readsDdJavaAgentHeaders() {
    SpanContext context = DatadogPropagator.extract(DD_JAVA_AGENT).orElseThrow();

    assertThat(context)
        .isEqualTo(
            new SpanContext(
                0x6b0701ae00000000L, 6700376570940581545L, 2580671260776265235L, 1, "-1"));
  }

  @Test
  void extract_matchesHeaderNamesInAnyCase() {
    Map<String, String> headers = new HashMap<>();
    DD_JAVA_AGENT.forEach((name, value) -> headers.put(name.toUpperCase(), value));

    assertThat(DatadogPropagator.extract(headers)).isPresent();
  }

  @Test
  void extract_acceptsIdsAboveSignedRange() {
    Map<String, String> headers =
        Map.of("x-datadog-trace-id", "18446744073709551615", "x-datadog-parent-id", "9");

    SpanContext context = DatadogPropagator.extract(headers).orElseThrow();

    assertThat(context.traceIdLow()).isEqualTo(-1L);
    assertThat(context.traceIdHigh()).isZero();
    assertThat(context.hasSamplingPriority()).isFalse();
    assertThat(context.decisionMaker()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "abc, 5",
    "0, 5",
    "5, 0",
    "-5, 5",
    "18446744073709551616, 5",
    "'', 5",
    "5, ''",
  })
  void extract_ignoresMalformedIds(String traceId, String parentId) {
    Map<String, String> headers =
        Map.of("x-datadog-trace-id", traceId, "x-datadog-parent-id", parentId);

    assertThat(DatadogPropagator.extract(headers)).isEmpty();
  }

  @Test
  void extract_ignoresMissingHeaders() {
    assertThat(DatadogPropagator.extract(Map.of())).isEmpty();
    assertThat(DatadogPropagator.extract(Map.of("x-datadog-trace-id", "5"))).isEmpty();
    assertThat(DatadogPropagator.extract((Map<String, String>) null)).isEmpty();
  }

  @Test
  void extract_ignoresMalformedPriorityAndTags() {
    Map<String, String> headers =
        Map.of(
            "x-datadog-trace-id", "5",
            "x-datadog-parent-id", "6",
            "x-datadog-sampling-priority", "high",
            "x-datadog-tags", "_dd.p.tid=xyz,=,_dd.p.dm=manual,garbage");

    SpanContext context = DatadogPropagator.extract(headers).orElseThrow();

    assertThat(context).isEqualTo(new SpanContext(0, 5, 6, SpanContext.UNSET_PRIORITY, null));
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "-0, -0",
        "-1, -1",
        "-4, -4",
        "-123, -123",
        "'', NULL",
        "-, NULL",
        "1, NULL",
        "-1234, NULL",
        "--1, NULL",
        "-1a, NULL",
        "- 1, NULL",
        "-+1, NULL",
        "manual, NULL"
      },
      nullValues = "NULL")
  void extract_keepsOnlyDecisionMakersOfOneToThreeDigits(String decisionMaker, String kept) {
    Map<String, String> headers =
        Map.of(
            "x-datadog-trace-id", "5",
            "x-datadog-parent-id", "6",
            "x-datadog-tags", "_dd.p.dm=" + decisionMaker);

    assertThat(DatadogPropagator.extract(headers).orElseThrow().decisionMaker()).isEqualTo(kept);
  }

  @Test
  void extract_readsNoOtherHeaderWhenTheTraceIdIsMissing() {
    List<String> asked = new ArrayList<>();

    Optional<SpanContext> context =
        DatadogPropagator.extract(
            name -> {
              asked.add(name);
              return null;
            });

    assertThat(context).isEmpty();
    assertThat(asked).containsExactly("x-datadog-trace-id");
  }

  @Test
  void extract_ignoresOverlongTagsHeader() {
    Map<String, String> headers =
        Map.of(
            "x-datadog-trace-id", "5",
            "x-datadog-parent-id", "6",
            "x-datadog-tags", "_dd.p.tid=6b0701ae00000000," + "x".repeat(600));

    assertThat(DatadogPropagator.extract(headers).orElseThrow().traceIdHigh()).isZero();
  }

  @Test
  void inject_writesUnsignedDecimalIdsAndTraceTags() {
    try (CoreSpan span = tracer.trace("client")) {
      Map<String, String> headers = DatadogPropagator.inject(span);

      assertThat(headers)
          .containsEntry("x-datadog-trace-id", Long.toUnsignedString(span.trace().traceIdLow()))
          .containsEntry("x-datadog-parent-id", Long.toUnsignedString(span.spanId()))
          .containsEntry("x-datadog-sampling-priority", "1")
          .containsEntry(
              "x-datadog-tags", "_dd.p.dm=-0,_dd.p.tid=" + Hex.of(span.trace().traceIdHigh()));
    }
  }

  @Test
  void injectThenExtract_rebuildsFullTraceIdAndParent() {
    try (CoreSpan span = tracer.trace("client")) {
      SpanContext context = DatadogPropagator.extract(DatadogPropagator.inject(span)).orElseThrow();

      assertThat(context.traceIdHigh()).isEqualTo(span.trace().traceIdHigh());
      assertThat(context.traceIdLow()).isEqualTo(span.trace().traceIdLow());
      assertThat(context.spanId()).isEqualTo(span.spanId());
    }
  }
}
