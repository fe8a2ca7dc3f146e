package dev.tracehouse.pipeline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizerTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final long NOW_NANOS = NOW.getEpochSecond() * 1_000_000_000L;
  private final Normalizer normalizer = new Normalizer(Clock.fixed(NOW, ZoneOffset.UTC));

  static Span.Builder span() {
    return Span.builder()
        .traceId(new TraceId(7, 42))
        .spanId(1)
        .service("cafe")
        .name("cafe.order")
        .resource("POST /order")
        .start(NOW_NANOS - 5_000)
        .duration(1_000);
  }

  private Span one(Span.Builder b) {
    return one(b, null);
  }

  private Span one(Span.Builder b, String lang) {
    NormalizationResult r = normalizer.normalizeChunk(List.of(b.build()), lang);
    assertThat(r.rejections()).isEmpty();
    return r.spans().get(0);
  }

  @Test
  void normalize_keepsAValidSpanUnchanged() {
    Span in = span().type("web").putMeta("env", "workshop").putMetric("_dd.measured", 1).build();
    NormalizationResult r = normalizer.normalizeChunk(List.of(in), "java");
    assertThat(r.spans()).containsExactly(in);
    assertThat(r.spans().get(0)).isSameAs(in);
    assertThat(r.fixes()).isEmpty();
  }

  @Test
  void normalize_countsDuplicateSpanIds_inSmallAndLargeChunks() {
    for (int size : new int[] {5, 40}) {
      List<Span> chunk = new java.util.ArrayList<>();
      for (int i = 1; i <= size; i++) {
        chunk.add(span().spanId(i % (size - 2) + 1).build());
      }
      NormalizationResult r = normalizer.normalizeChunk(chunk, "");
      assertThat(r.fixed(FixReason.DUPLICATE_SPAN_ID)).as("size %d", size).isEqualTo(2);
    }
  }

  @Test
  void normalize_emptyService_getsLanguageFallback() {
    assertThat(one(span().service(""), "java").service()).isEqualTo("unnamed-java-service");
    assertThat(one(span().service("")).service()).isEqualTo("unnamed-service");
    assertThat(one(span().service("🐶🐶"), "Node JS!").service())
        .isEqualTo("unnamed-node_js-service");
  }

  @Test
  void normalize_service_isLowerCasedAndTruncatedTo100Bytes() {
    Span out = one(span().service("Web Store" + "x".repeat(200)));
    assertThat(out.service()).startsWith("web_storexx").hasSize(100);
  }

  @Test
  void normalize_name_emptyOrInvalid_getsDefault() {
    NormalizationResult r =
        normalizer.normalizeChunk(
            List.of(span().name("").build(), span().spanId(2).name("%%%").build()), "");
    assertThat(r.spans()).extracting(Span::name).containsOnly("unnamed_operation");
    assertThat(r.fixed(FixReason.SPAN_NAME_EMPTY)).isEqualTo(1);
    assertThat(r.fixed(FixReason.SPAN_NAME_INVALID)).isEqualTo(1);
  }

  @Test
  void normalize_emptyResource_takesTheNormalisedName() {
    assertThat(one(span().name("web-request").resource("")).resource()).isEqualTo("web_request");
  }

  @Test
  void normalize_longResourceAndType_areTruncatedByUtf8Bytes() {
    Span out = one(span().resource("é".repeat(3000)).type("t".repeat(150)));
    assertThat(out.resource()).hasSize(2500);
    assertThat(out.type()).hasSize(100);
  }

  @Test
  void normalize_negativeDuration_becomesZero() {
    assertThat(one(span().duration(-5)).duration()).isZero();
  }

  @Test
  void normalize_startBefore2000_isMovedToNowMinusDuration() {
    Span out = one(span().start(1_000_000).duration(2_000));
    assertThat(out.start()).isEqualTo(NOW_NANOS - 2_000);
  }

  @Test
  void normalize_startMoreThanADayAhead_isMovedToNow() {
    NormalizationResult r =
        normalizer.normalizeChunk(
            List.of(span().start(NOW_NANOS + 2 * 86_400_000_000_000L).build()), "");
    assertThat(r.spans().get(0).start()).isEqualTo(NOW_NANOS - 1_000);
    assertThat(r.fixed(FixReason.FUTURE_START_DATE)).isEqualTo(1);
  }

  @Test
  void normalize_overflowingDuration_becomesZero() {
    assertThat(one(span().duration(Long.MAX_VALUE)).duration()).isZero();
  }

  @Test
  void normalize_parentIdEqualToSpanId_becomesRoot() {
    assertThat(one(span().spanId(9).parentId(9)).parentId()).isZero();
  }

  @Test
  void normalize_metaAndMetrics_areBoundedAndValid() {
    Span out =
        one(
            span()
                .putMeta("k".repeat(300), "v")
                .putMeta("big", "v".repeat(30_000))
                .putMeta("ctl\u0000", "line1\nline2\u0007")
                .putMeta("bad", "x\uD800y")
                .putMetric("nan", Double.NaN)
                .putMetric("m".repeat(250), 1.0));
    assertThat(out.meta()).containsKey("k".repeat(197) + "...");
    assertThat(out.meta().get("big")).hasSize(25_000).endsWith("...");
    assertThat(out.meta()).containsEntry("ctl\uFFFD", "line1\nline2\uFFFD");
    assertThat(out.meta()).containsEntry("bad", "x\uFFFDy");
    assertThat(out.metrics()).doesNotContainKey("nan").containsKey("m".repeat(197) + "...");
  }

  @Test
  void normalize_knownMeta_followsAgent() {
    Span out =
        one(
            span()
                .putMeta("env", "Prod Env")
                .putMeta("http.status_code", "999")
                .putMeta("peer.service", "Pay DB"));
    assertThat(out.meta())
        .containsEntry("env", "prod_env")
        .containsEntry("peer.service", "pay_db")
        .doesNotContainKey("http.status_code");
    assertThat(one(span().putMeta("http.status_code", "404")).meta())
        .containsEntry("http.status_code", "404");
  }

  @Test
  void normalize_zeroIds_rejectTheWholeChunk() {
    NormalizationResult r =
        normalizer.normalize(
            List.of(
                List.of(span().build(), span().spanId(0).build()),
                List.of(span().traceId(TraceId.ofLow(0)).build()),
                List.of(span().traceId(TraceId.ofLow(5)).build())),
            "");
    assertThat(r.droppedChunks(DropReason.SPAN_ID_ZERO)).isEqualTo(1);
    assertThat(r.droppedChunks(DropReason.TRACE_ID_ZERO)).isEqualTo(1);
    assertThat(r.droppedSpans()).isEqualTo(3);
    assertThat(r.spans()).extracting(s -> s.traceId().low()).containsExactly(5L);
    assertThat(r.rejections().get(0).detail()).contains("span id is 0", "span 2 of 2");
  }

  @Test
  void normalize_foreignSpan_rejectsTheChunk_andEmptyChunksAreRejected() {
    NormalizationResult r =
        normalizer.normalize(
            List.of(
                List.of(span().build(), span().traceId(TraceId.ofLow(43)).spanId(2).build()),
                List.of()),
            "");
    assertThat(r.chunks()).isEmpty();
    assertThat(r.droppedChunks(DropReason.FOREIGN_SPAN)).isEqualTo(1);
    assertThat(r.droppedChunks(DropReason.EMPTY_TRACE)).isEqualTo(1);
  }

  @Test
  void normalize_missingHighBits_stayInTheSameTrace_andDuplicatesAreCounted() {
    NormalizationResult r =
        normalizer.normalizeChunk(
            List.of(span().build(), span().traceId(TraceId.ofLow(42)).build()), "");
    assertThat(r.spans()).hasSize(2);
    assertThat(r.fixed(FixReason.DUPLICATE_SPAN_ID)).isEqualTo(1);
  }

  @Test
  void chunksByTraceId_groupsInOrderOfFirstAppearance() {
    Span a = span().build();
    Span b = span().traceId(TraceId.ofLow(9)).build();
    Span c = span().spanId(3).build();
    assertThat(Normalizer.chunksByTraceId(List.of(a, b, c)))
        .containsExactly(List.of(a, c), List.of(b));
  }

  @Test
  void counters_addUpResults() {
    NormalizationCounters counters = new NormalizationCounters();
    counters.record(normalizer.normalizeChunk(List.of(span().service("").build()), ""));
    counters.record(normalizer.normalizeChunk(List.of(span().spanId(0).build()), ""));
    assertThat(counters.snapshot())
        .containsEntry("spans_accepted", 1L)
        .containsEntry("spans_dropped", 1L)
        .containsEntry("spans_malformed.service_empty", 1L)
        .containsEntry("traces_dropped.span_id_zero", 1L);
  }
}
