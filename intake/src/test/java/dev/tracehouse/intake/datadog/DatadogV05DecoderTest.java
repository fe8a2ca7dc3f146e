package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatadogV05DecoderTest {
  private final DatadogV05Decoder decoder = new DatadogV05Decoder();

  private List<Span> decode(RawMsgpack payload) {
    return decoder.decode(payload.buffer());
  }

  /** A 12-element span whose string fields point at {@code service, name, resource, type}. */
  private static RawMsgpack span(RawMsgpack p, int service, int name, int resource, int type) {
    p.fixArray(12).posFixInt(service).posFixInt(name).posFixInt(resource);
    p.posFixInt(7).posFixInt(8).posFixInt(0).posFixInt(100).posFixInt(5).posFixInt(0);
    p.fixMap(0).fixMap(0);
    return p.posFixInt(type);
  }

  @Test
  void decode_acceptsEmptyTablesAndTraces() {
    assertThat(decode(RawMsgpack.create().fixArray(2).fixArray(0).fixArray(0))).isEmpty();
    assertThat(decode(RawMsgpack.create().fixArray(2).fixArray(1).str("").array32(0))).isEmpty();
  }

  @Test
  void decode_resolvesEveryFieldThroughTheStringTable() {
    RawMsgpack p = RawMsgpack.create().fixArray(2).fixArray(8);
    p.str("cafe").str("cafe.order").str("POST /order").str("env").str("workshop");
    p.str("_dd.p.tid").str("6b0701ae00000000").str("web");
    p.fixArray(1).fixArray(1).fixArray(12);
    p.uint32(0).uint32(1).uint32(2).uint64(7).uint64(8).uint64(0);
    p.uint64(1_795_621_294_907_897_916L).uint32(5).posFixInt(1);
    p.fixMap(2).uint32(3).uint32(4).uint32(5).uint32(6);
    p.fixMap(1).uint32(3).float64(0.5);
    p.uint32(7);

    Span span = decode(p).get(0);

    assertThat(span.traceId()).isEqualTo(new TraceId(0x6b0701ae00000000L, 7));
    assertThat(span.spanId()).isEqualTo(8);
    assertThat(span.service()).isEqualTo("cafe");
    assertThat(span.name()).isEqualTo("cafe.order");
    assertThat(span.resource()).isEqualTo("POST /order");
    assertThat(span.type()).isEqualTo("web");
    assertThat(span.start()).isEqualTo(1_795_621_294_907_897_916L);
    assertThat(span.duration()).isEqualTo(5);
    assertThat(span.error()).isTrue();
    assertThat(span.meta())
        .containsOnly(entry("env", "workshop"), entry("_dd.p.tid", "6b0701ae00000000"));
    assertThat(span.metrics()).containsOnly(entry("env", 0.5));
  }

  @Test
  void decode_doesNotAssumeIndexZeroIsEmptyAndAllowsDuplicates() {
    RawMsgpack p = RawMsgpack.create().fixArray(2).fixArray(4);
    p.str("cafe").str("http.request").str("http.request").str("");
    span(p.fixArray(1).fixArray(2), 0, 1, 2, 3);
    span(p, 0, 2, 1, 0);

    List<Span> spans = decode(p);

    assertThat(spans).extracting(Span::service).containsExactly("cafe", "cafe");
    assertThat(spans).extracting(Span::name).containsExactly("http.request", "http.request");
    assertThat(spans).extracting(Span::type).containsExactly("", "cafe");
  }

  @Test
  void decode_rejectsIndexOutOfRangeNamingFieldAndIndex() {
    RawMsgpack p = RawMsgpack.create().fixArray(2).fixArray(2).str("a").str("b");
    span(p.fixArray(1).fixArray(1), 0, 1, 2, 0);

    assertThatThrownBy(() -> decode(p))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("chunk 0 span 0 field 'resource'")
        .hasMessageContaining("index 2 is out of range (the table has 2 entries)");
  }

  @Test
  void decode_rejectsNilOrStringWhereAnIndexBelongs() {
    RawMsgpack nil = RawMsgpack.create().fixArray(2).fixArray(1).str("a");
    nil.fixArray(1).fixArray(1).fixArray(12).nil().raw(new byte[11]);
    RawMsgpack inline = RawMsgpack.create().fixArray(2).fixArray(1).str("a");
    inline.fixArray(1).fixArray(1).fixArray(12).str("cafe").raw(new byte[11]);

    assertThatThrownBy(() -> decode(nil))
        .hasMessageContaining("field 'service': expected a string table index, got nil");
    assertThatThrownBy(() -> decode(inline)).hasMessageContaining("got string");
  }

  @Test
  void decode_rejectsMetaIndexOutOfRangeNamingTheKey() {
    RawMsgpack p = RawMsgpack.create().fixArray(2).fixArray(2).str("a").str("env");
    p.fixArray(1).fixArray(1).fixArray(12).bytes(0, 0, 0, 1, 2, 0, 3, 4, 0);
    p.fixMap(1).posFixInt(1).uint32(0xffff_ffffL);

    assertThatThrownBy(() -> decode(p))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("field 'meta' key 'env'")
        .hasMessageContaining("index 4294967295");
  }

  @Test
  void decode_rejectsSpanArraysThatAreNotTwelveLong() {
    RawMsgpack p = RawMsgpack.create().fixArray(2).fixArray(1).str("a");
    p.fixArray(1).fixArray(1).fixArray(11).raw(new byte[11]);

    assertThatThrownBy(() -> decode(p))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("chunk 0 span 0: expected a 12-element span array, got 11");
  }

  @Test
  void decode_rejectsPayloadThatIsNotAPair() {
    assertThatThrownBy(() -> decode(RawMsgpack.create().fixArray(1).fixArray(0)))
        .hasMessageContaining("expected a 2-element array [strings, traces], got 1");
    assertThatThrownBy(() -> decode(RawMsgpack.create().fixArray(0)))
        .hasMessageContaining("got 0 elements");
    assertThatThrownBy(() -> decode(RawMsgpack.create().fixMap(0)))
        .hasMessageContaining("expected an array, got map");
  }

  @Test
  void decode_rejectsNonStringTableEntryAndTrailingBytes() {
    RawMsgpack table = RawMsgpack.create().fixArray(2).fixArray(1).posFixInt(3).fixArray(0);
    RawMsgpack trailing = RawMsgpack.create().fixArray(2).fixArray(0).fixArray(0).posFixInt(1);

    assertThatThrownBy(() -> decode(table))
        .hasMessageContaining("field 'string table': expected a string, got integer");
    assertThatThrownBy(() -> decode(trailing))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("unexpected bytes after the last trace")
        .extracting(e -> ((MalformedPayloadException) e).offset())
        .isEqualTo(3L);
  }

  @Test
  void decode_rejectsAbsurdStringTableWithoutAllocating() {
    RawMsgpack p = RawMsgpack.create().fixArray(2).array32(0x7fff_ffffL).fixArray(0);

    assertThatThrownBy(() -> decode(p))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("claims 2147483647 elements");
  }
}
