package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class B3PropagatorTest {

  private static final SpanContext UPSTREAM =
      new SpanContext(0x6b0701ae00000000L, 0x5cfc84fdbc4366a9L, 7, 1, "-1");

  private final InMemoryWriter writer = new InMemoryWriter();
  private final CoreTracer tracer = InMemoryWriter.tracer(writer);

  private static SpanContext multi(String traceId, String spanId, String sampled) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("x-b3-traceid", traceId);
    headers.put("x-b3-spanid", spanId);
    if (sampled != null) {
      headers.put("x-b3-sampled", sampled);
    }
    return B3Propagator.extractMulti(headers::get).orElse(null);
  }

  private static SpanContext single(String value) {
    return B3Propagator.extractSingle(Map.of("b3", value)::get).orElse(null);
  }

  @Test
  void injectMulti_writesHexIdsAndSampledFlag() {
    try (CoreSpan span = tracer.startActive("x", UPSTREAM)) {
      Map<String, String> headers = new LinkedHashMap<>();
      B3Propagator.injectMulti(span, headers);

      assertThat(headers)
          .containsExactly(
              Map.entry("X-B3-TraceId", "6b0701ae000000005cfc84fdbc4366a9"),
              Map.entry("X-B3-SpanId", Hex.of(span.spanId())),
              Map.entry("X-B3-Sampled", "1"));
    }
  }

  @Test
  void injectSingle_writesOneHeaderWith64BitTraceIdWhenHighIsZero() {
    try (CoreSpan span = tracer.startActive("x", new SpanContext(0, 0xabcL, 7, 0, null))) {
      Map<String, String> headers = new HashMap<>();
      B3Propagator.injectSingle(span, headers);

      assertThat(headers)
          .containsExactly(Map.entry("b3", "0000000000000abc-" + Hex.of(span.spanId()) + "-0"));
    }
  }

  @Test
  void extract_roundTripsWhatWeInject() {
    try (CoreSpan span = tracer.startActive("x", UPSTREAM)) {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      B3Propagator.injectMulti(span, headers);
      B3Propagator.injectSingle(span, headers);
      SpanContext expected =
          new SpanContext(0x6b0701ae00000000L, 0x5cfc84fdbc4366a9L, span.spanId(), 1, null);

      assertThat(B3Propagator.extractMulti(headers::get)).contains(expected);
      assertThat(B3Propagator.extractSingle(headers::get)).contains(expected);
    }
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "true, 1", "0, 0", "false, 0", "d, 2"})
  void extractSingle_mapsSamplingState(String sampling, int priority) {
    assertThat(single("000000000000000a-000000000000000b-" + sampling).samplingPriority())
        .isEqualTo(priority);
  }

  @Test
  void extractMulti_treatsDebugFlagAsUserKeepAndMissingSampledAsKeep() {
    Map<String, String> headers =
        Map.of("X-B3-TraceId", "a".repeat(16), "X-B3-SpanId", "b".repeat(16), "X-B3-Flags", "1");

    assertThat(B3Propagator.extractMulti(headers::get).orElseThrow().samplingPriority())
        .isEqualTo(2);
    assertThat(multi("a".repeat(16), "b".repeat(16), null).samplingPriority()).isEqualTo(1);
  }

  @Test
  void extractSingle_acceptsParentSpanIdAndUpperCase() {
    assertThat(single("000000000000000A-000000000000000B-1-000000000000000c"))
        .isEqualTo(new SpanContext(0, 10, 11, 1, null));
  }

  @ParameterizedTest
  @CsvSource({
    "0000000000000000, 000000000000000b, 1",
    "000000000000000a, 0000000000000000, 1",
    "00000000000000000000000000000000, 000000000000000b, 1",
    "000000000000000, 000000000000000b, 1",
    "000000000000000a, 00000000000000b, 1",
    "00000000000000zz, 000000000000000b, 1",
    "000000000000000a, 000000000000000b, yes",
    "'', 000000000000000b, 1"
  })
  void extractMulti_ignoresMalformedHeaders(String traceId, String spanId, String sampled) {
    assertThat(multi(traceId, spanId, sampled)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "1",
        "d",
        "",
        "000000000000000a",
        "000000000000000a-000000000000000b-1-000000000000000c-x",
        "000000000000000a-000000000000000b-2",
        "000000000000000a-000000000000000b-1-zz",
        "000000000000000a--1"
      })
  void extractSingle_ignoresMalformedHeader(String value) {
    assertThat(single(value)).isNull();
  }
}
