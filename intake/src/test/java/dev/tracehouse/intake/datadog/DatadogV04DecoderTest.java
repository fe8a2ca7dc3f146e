package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatadogV04DecoderTest {
  private final DatadogV04Decoder decoder = new DatadogV04Decoder();

  private List<Span> decode(RawMsgpack payload) {
    return decoder.decode(payload.buffer());
  }

  @Test
  void decode_acceptsEmptyProbeAndEmptyArray() {
    assertThat(decode(RawMsgpack.create().fixArray(2).fixArray(0).fixArray(0))).isEmpty();
    assertThat(decode(RawMsgpack.create().fixArray(0))).isEmpty();
  }

  @Test
  void decode_readsEveryFieldInFixWidths() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(12);
    p.str("trace_id").posFixInt(7).str("span_id").posFixInt(8).str("parent_id").posFixInt(0);
    p.str("service").str("cafe").str("name").str("cafe.order").str("resource").str("POST /order");
    p.str("type").str("web").str("start").posFixInt(100).str("duration").posFixInt(5);
    p.str("error").posFixInt(1);
    p.str("meta").fixMap(1).str("env").str("workshop");
    p.str("metrics").fixMap(1).str("_sampling_priority_v1").posFixInt(1);

    Span span = decode(p).get(0);

    assertThat(span.traceId()).isEqualTo(TraceId.ofLow(7));
    assertThat(span.spanId()).isEqualTo(8);
    assertThat(span.parentId()).isZero();
    assertThat(span.service()).isEqualTo("cafe");
    assertThat(span.name()).isEqualTo("cafe.order");
    assertThat(span.resource()).isEqualTo("POST /order");
    assertThat(span.type()).isEqualTo("web");
    assertThat(span.start()).isEqualTo(100);
    assertThat(span.duration()).isEqualTo(5);
    assertThat(span.error()).isTrue();
    assertThat(span.meta()).containsExactly(entry("env", "workshop"));
    assertThat(span.metrics()).containsExactly(entry("_sampling_priority_v1", 1.0));
  }

  @Test
  void decode_readsWideHeadersAndIntegers() {
    RawMsgpack p = RawMsgpack.create().array32(1).array16(1).map32(6);
    p.str8("trace_id").uint32(7).str16("span_id").uint16(8).str32("parent_id").uint8(9);
    p.str("start").int64(1_795_621_294_907_897_916L).str("duration").uint32(3_000_000_000L);
    p.str("metrics").map16(4).str("a").uint8(200).str("b").uint16(18080);
    p.str("c").float32(1.5f).str("d").int8(-3);

    Span span = decode(p).get(0);

    assertThat(span.traceId().low()).isEqualTo(7);
    assertThat(span.spanId()).isEqualTo(8);
    assertThat(span.parentId()).isEqualTo(9);
    assertThat(span.start()).isEqualTo(1_795_621_294_907_897_916L);
    assertThat(span.duration()).isEqualTo(3_000_000_000L);
    assertThat(span.metrics())
        .containsOnly(entry("a", 200.0), entry("b", 18080.0), entry("c", 1.5), entry("d", -3.0));
  }

  @Test
  void decode_readsIdsAsUnsigned64Bit() {
    long big = 0xfedc_ba98_7654_3210L;
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(4);
    p.str("trace_id").uint64(-1L).str("span_id").uint64(big).str("parent_id").uint64(1L << 63);
    p.str("metrics").fixMap(1).str("big").uint64(-1L);

    Span span = decode(p).get(0);

    assertThat(span.traceId().low()).isEqualTo(-1L);
    assertThat(Long.toUnsignedString(span.traceId().low())).isEqualTo("18446744073709551615");
    assertThat(span.spanId()).isEqualTo(big);
    assertThat(span.parentId()).isEqualTo(Long.MIN_VALUE);
    assertThat(span.metrics().get("big")).isEqualTo(18446744073709551615.0);
  }

  @Test
  void decode_treatsNilAndMissingOptionalFieldsAsEmpty() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(2);
    p.fixMap(8).str("span_id").posFixInt(1).str("type").nil().str("service").nil();
    p.str("parent_id").nil().str("error").nil().str("meta").nil().str("metrics").nil();
    p.str("start").nil();
    p.fixMap(1).str("span_id").posFixInt(2);

    List<Span> spans = decode(p);

    assertThat(spans).hasSize(2);
    for (Span span : spans) {
      assertThat(span.type()).isEmpty();
      assertThat(span.service()).isEmpty();
      assertThat(span.parentId()).isZero();
      assertThat(span.error()).isFalse();
      assertThat(span.meta()).isEmpty();
      assertThat(span.metrics()).isEmpty();
    }
  }

  @Test
  void decode_acceptsFloatTimesAndBooleanError() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(3);
    p.str("start").float64(1.7956213634062774e18).str("duration").float64(10.0);
    p.str("error").bool(true);

    Span span = decode(p).get(0);

    assertThat(span.start()).isEqualTo((long) 1.7956213634062774e18);
    assertThat(span.duration()).isEqualTo(10);
    assertThat(span.error()).isTrue();
  }

  @Test
  void decode_skipsUnknownKeysWhateverTheirShape() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(5);
    p.str("meta_struct")
        .fixMap(1)
        .str("appsec")
        .bin8(new byte[] {(byte) 0x81, (byte) 0xa1, 0x61, 1});
    p.str("future").bytes(0xd4, 0x01, 0x02);
    p.str("nested").fixArray(2).fixMap(1).str("k").fixArray(1).nil().map16(0);
    p.str("name").str("kept");
    p.str("span_id").posFixInt(9);

    Span span = decode(p).get(0);

    assertThat(span.name()).isEqualTo("kept");
    assertThat(span.spanId()).isEqualTo(9);
    assertThat(span.traceId().low()).isZero();
    assertThat(span.meta()).isEmpty();
  }

  @Test
  void decode_appliesTidFromAnySpanToSameLowTraceIdInChunk() {
    RawMsgpack p = RawMsgpack.create().fixArray(2).fixArray(3);
    p.fixMap(2).str("trace_id").posFixInt(5).str("span_id").posFixInt(1);
    p.fixMap(3).str("trace_id").posFixInt(5).str("span_id").posFixInt(2);
    p.str("meta").fixMap(1).str("_dd.p.tid").str("6b0701ae00000000");
    p.fixMap(2).str("trace_id").posFixInt(6).str("span_id").posFixInt(3);
    p.fixArray(1).fixMap(2).str("trace_id").posFixInt(5).str("span_id").posFixInt(4);

    List<Span> spans = decode(p);

    TraceId full = new TraceId(0x6b0701ae00000000L, 5);
    assertThat(spans)
        .extracting(Span::traceId)
        .containsExactly(full, full, TraceId.ofLow(6), TraceId.ofLow(5));
  }

  @Test
  void decode_ignoresMalformedTid() {
    for (String tid : new String[] {"6b0701ae", "6b0701ae0000000g", "+b0701ae00000000", ""}) {
      RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(2);
      p.str("trace_id").posFixInt(5).str("meta").fixMap(1).str("_dd.p.tid").str(tid);

      assertThat(decode(p).get(0).traceId()).as(tid).isEqualTo(TraceId.ofLow(5));
    }
  }

  @Test
  void decode_readsOnlyFromPositionToLimit() {
    byte[] probe = {0x00, (byte) 0x92, (byte) 0x90, (byte) 0x90, 0x00};
    ByteBuffer body = ByteBuffer.wrap(probe, 1, 3);

    assertThat(decoder.decode(body)).isEmpty();
    assertThat(body.position()).isEqualTo(1);
  }

  @Test
  void decode_readsDirectAndReadOnlyBuffersLikeHeapOnes() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(3);
    p.str("span_id").uint64(-2L).str("service").str16("caf\u00e9");
    p.str("meta").fixMap(1).str("k").bin8(new byte[] {'v', (byte) 0xff});
    ByteBuffer direct = ByteBuffer.allocateDirect(p.toBytes().length).put(p.toBytes()).flip();

    List<Span> heap = decode(p);

    assertThat(decoder.decode(direct)).isEqualTo(heap);
    assertThat(decoder.decode(p.buffer().asReadOnlyBuffer())).isEqualTo(heap);
    assertThat(heap.get(0).service()).isEqualTo("caf\u00e9");
    assertThat(heap.get(0).meta()).containsExactly(entry("k", "v\ufffd"));
  }

  @Test
  void decode_keepsLastValueOfRepeatedTagsAndAcceptsManyTags() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(2);
    p.str("meta").map16(14).str("env").str("a");
    for (int i = 0; i < 12; i++) {
      p.str("k" + i).str("v" + i);
    }
    p.str("env").str("b");
    p.str("metrics").fixMap(2).str("m").float64(-0.0).str("m").float64(2.0);

    Span span = decode(p).get(0);

    assertThat(span.meta()).hasSize(13).containsEntry("env", "b").containsEntry("k11", "v11");
    assertThat(span.metrics()).containsExactly(entry("m", 2.0));
  }

  @Test
  void decode_sharesEqualTagMapsBetweenSpans() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(3);
    for (String kind : new String[] {"client", "client", "server"}) {
      p.fixMap(2).str("meta").fixMap(1).str("span.kind").str(kind);
      p.str("metrics").fixMap(1).str("zero").float64(kind.equals("server") ? -0.0 : 0.0);
    }

    List<Span> spans = decode(p);

    assertThat(spans.get(1).meta()).isSameAs(spans.get(0).meta());
    assertThat(spans.get(1).metrics()).isSameAs(spans.get(0).metrics());
    assertThat(spans.get(2).meta()).containsExactly(entry("span.kind", "server"));
    assertThat(1 / spans.get(2).metrics().get("zero")).isNegative();
  }

  @Test
  void decode_reusesTheMapsOfASpanWithTheSameTagBytesAndKeepsItsTid() {
    RawMsgpack p = RawMsgpack.create().fixArray(2);
    for (long trace = 1; trace <= 2; trace++) {
      p.fixArray(2);
      for (int s = 0; s < 2; s++) {
        p.fixMap(3).str("trace_id").posFixInt((int) trace);
        p.str("meta")
            .fixMap(2)
            .str("env")
            .str("workshop")
            .str("_dd.p.tid")
            .str("6b0701ae0000000" + trace);
        p.str("metrics").fixMap(1).str("_dd.measured").posFixInt(1);
      }
    }

    List<Span> spans = decode(p);

    assertThat(spans.get(1).meta()).isSameAs(spans.get(0).meta());
    assertThat(spans.get(3).metrics()).isSameAs(spans.get(0).metrics());
    assertThat(spans.get(2).meta()).containsEntry("_dd.p.tid", "6b0701ae00000002");
    assertThat(spans.get(3).traceId()).isEqualTo(new TraceId(0x6b0701ae00000002L, 2));
    assertThat(spans.get(1).traceId()).isEqualTo(new TraceId(0x6b0701ae00000001L, 1));
  }

  @Test
  void decode_mergesASecondMetaMapIntoAReusedOne() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(2);
    p.fixMap(1).str("meta").fixMap(2).str("env").str("a").str("version").str("1");
    p.fixMap(2).str("meta").fixMap(2).str("env").str("a").str("version").str("1");
    p.str("meta").fixMap(1).str("env").str("b");

    List<Span> spans = decode(p);

    assertThat(spans.get(0).meta()).containsOnly(entry("env", "a"), entry("version", "1"));
    assertThat(spans.get(1).meta()).containsOnly(entry("env", "b"), entry("version", "1"));
  }

  @Test
  void decode_readsEachSpansOwnTagsWhenEntriesRepeatInOtherOrdersOrWithOtherValues() {
    String[][] metas = {
      {"env", "prod", "http.url", "/a", "span.kind", "client"},
      {"env", "prod", "http.url", "/ab", "span.kind", "client"},
      {"http.url", "/a", "env", "prod", "span.kind", "server"},
      {"env", "prod", "http.url", "/a", "span.kind", "client", "env", "test"},
      {"env", "prod", "http.url", "/a", "span.kind", "client"},
    };
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(metas.length);
    for (int s = 0; s < metas.length; s++) {
      p.fixMap(2).str("meta").fixMap(metas[s].length / 2);
      for (String text : metas[s]) {
        p.str(text);
      }
      p.str("metrics").fixMap(2).str("thread.id").uint16(1000 + s % 2).str("_dd.measured");
      p.posFixInt(1);
    }

    List<Span> spans = decode(p);

    assertThat(spans.get(0).meta())
        .containsExactly(
            entry("env", "prod"), entry("http.url", "/a"), entry("span.kind", "client"));
    assertThat(spans.get(1).meta()).containsEntry("http.url", "/ab").hasSize(3);
    assertThat(spans.get(2).meta())
        .containsExactly(
            entry("http.url", "/a"), entry("env", "prod"), entry("span.kind", "server"));
    assertThat(spans.get(3).meta()).containsEntry("env", "test").hasSize(3);
    assertThat(spans.get(4).meta()).isEqualTo(spans.get(0).meta());
    for (int s = 0; s < metas.length; s++) {
      assertThat(spans.get(s).metrics())
          .containsExactly(entry("thread.id", 1000.0 + s % 2), entry("_dd.measured", 1.0));
    }
  }

  @Test
  void decode_readsEachSpansOwnValuesWhereAnEarlierMapHadOtherBytesOfTheSameLength() {
    String[] urls = {"/a1", "/b2", "/a1", "/c3"};
    double[] threads = {1.5, 2.5, 1.5, 1.5};
    for (int body = 0; body < 2; body++) {
      RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(urls.length);
      for (int s = 0; s < urls.length; s++) {
        int at = (s + body) % urls.length;
        p.fixMap(2).str("meta").fixMap(2).str("env").str("prod").str("http.url").str(urls[at]);
        p.str("metrics").fixMap(1).str("thread.id").float64(threads[at]);
      }

      List<Span> spans = decode(p);

      for (int s = 0; s < urls.length; s++) {
        int at = (s + body) % urls.length;
        assertThat(spans.get(s).meta())
            .as("body %d span %d", body, s)
            .containsExactly(entry("env", "prod"), entry("http.url", urls[at]));
        assertThat(spans.get(s).metrics()).containsExactly(entry("thread.id", threads[at]));
      }
    }
  }

  @Test
  void decode_readsKeysAndValuesWhoseBytesAnEarlierMapHadInAnotherPlace() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(3);
    p.fixMap(2).str("meta").fixMap(1).str("k").str("v");
    p.str("metrics").fixMap(1).str("k").posFixInt(1);
    p.fixMap(2).str("meta").fixMap(1).str("v").str("k");
    p.str("metrics").fixMap(1).str("v").posFixInt(1);
    p.fixMap(1).str("meta").fixMap(1).str("k").str("k");

    List<Span> spans = decode(p);

    assertThat(spans.get(0).meta()).containsExactly(entry("k", "v"));
    assertThat(spans.get(0).metrics()).containsExactly(entry("k", 1.0));
    assertThat(spans.get(1).meta()).containsExactly(entry("v", "k"));
    assertThat(spans.get(1).metrics()).containsExactly(entry("v", 1.0));
    assertThat(spans.get(2).meta()).containsExactly(entry("k", "k"));
  }
}
