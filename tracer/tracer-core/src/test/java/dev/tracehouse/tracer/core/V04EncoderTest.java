package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;
import org.msgpack.value.ValueType;

class V04EncoderTest {

  private static final long EPOCH_NANOS = 1_795_621_294_907_897_916L;

  private final InMemoryWriter writer = new InMemoryWriter();
  private final FakeTime time = new FakeTime(EPOCH_NANOS);
  private final CoreTracer tracer =
      new CoreTracer(new TracerConfig("cafe", "workshop", null, "localhost", 8126), writer, time);

  /** A root span continuing remote trace 2^64-2 (parent 5) with one child that closes first. */
  private List<List<CoreSpan>> webRequestWithChild() {
    CoreSpan root = tracer.startActive("web.request", new SpanContext(0, -2L, 5, 1, "-0"));
    root.setResource("GET /menu").setType("web").setErrorFlag(true).setTag("peer.port", 18080);
    time.advance(1_000);
    tracer.trace("db.query").close();
    time.advance(4_396_683_435L);
    root.close();
    return writer.writtenChunks();
  }

  @Test
  void encode_writesArrayOfChunksOfSpanMapsLocalRootFirst() throws IOException {
    List<List<CoreSpan>> chunks = webRequestWithChild();
    assertThat(chunks.get(0).get(0).name()).isEqualTo("db.query");

    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(InMemoryWriter.encode(chunks))) {
      assertThat(in.unpackArrayHeader()).isEqualTo(1);
      assertThat(in.unpackArrayHeader()).isEqualTo(2);
      Map<String, Value> first = unpackMap(in);
      Map<String, Value> second = unpackMap(in);
      assertThat(in.hasNext()).isFalse();

      assertThat(first)
          .containsOnlyKeys(
              "trace_id",
              "span_id",
              "parent_id",
              "name",
              "service",
              "resource",
              "type",
              "start",
              "duration",
              "error",
              "meta",
              "metrics");
      assertThat(first.get("trace_id").asIntegerValue().asBigInteger())
          .hasToString("18446744073709551614");
      assertThat(first.get("parent_id").asIntegerValue().asLong()).isEqualTo(5);
      assertThat(first.get("name").asStringValue().asString()).isEqualTo("web.request");
      assertThat(first.get("service").asStringValue().asString()).isEqualTo("cafe");
      assertThat(first.get("resource").asStringValue().asString()).isEqualTo("GET /menu");
      assertThat(first.get("type").asStringValue().asString()).isEqualTo("web");
      assertThat(first.get("start").asIntegerValue().asLong()).isEqualTo(EPOCH_NANOS);
      assertThat(first.get("duration").asIntegerValue().asLong()).isEqualTo(4_396_684_435L);
      assertThat(first.get("error").asIntegerValue().asInt()).isEqualTo(1);
      assertThat(first.get("meta").toString())
          .isEqualTo("{\"language\":\"jvm\",\"env\":\"workshop\",\"_dd.p.dm\":\"-0\"}");
      assertThat(first.get("metrics").asMapValue().map()).hasSize(3);
      assertThat(second.get("name").asStringValue().asString()).isEqualTo("db.query");
      assertThat(second.get("parent_id").asIntegerValue().toLong())
          .isEqualTo(first.get("span_id").asIntegerValue().toLong());
      assertThat(second.get("type").getValueType()).isEqualTo(ValueType.NIL);
      assertThat(second.get("meta").toString())
          .isEqualTo("{\"language\":\"jvm\",\"env\":\"workshop\"}");
      assertThat(second.get("metrics").asMapValue().map()).isEmpty();
    }
  }

  @Test
  void encode_writesIdsAsUint64AndMetricsAsFloat64() throws IOException {
    byte[] body = InMemoryWriter.encode(webRequestWithChild());

    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(body)) {
      in.unpackArrayHeader();
      in.unpackArrayHeader();
      in.unpackMapHeader();
      assertThat(in.unpackString()).isEqualTo("trace_id");
      assertThat(in.getNextFormat()).isEqualTo(MessageFormat.UINT64);
    }
    SpanData root = SpanData.decode(body).get(0).get(0);
    assertThat(root.metrics())
        .containsEntry("peer.port", 18080.0)
        .containsEntry("_sampling_priority_v1", 1.0)
        .containsKey("process_id");
  }

  @Test
  void encode_letsSpanTagsReplaceTracerDefaultsButNotTraceTags() throws IOException {
    tracer
        .trace("op")
        .setTag("env", "staging")
        .setTag("_dd.p.dm", "-9")
        .setTag("_sampling_priority_v1", 5)
        .close();

    byte[] body = InMemoryWriter.encode(writer.writtenChunks());

    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(body)) {
      in.unpackArrayHeader();
      in.unpackArrayHeader();
      Map<String, Value> span = unpackMap(in);
      assertThat(span.get("meta").toString()).contains("\"env\":\"staging\"");
    }
    SpanData span = SpanData.decode(body).get(0).get(0);
    assertThat(span.meta()).containsEntry("env", "staging").containsEntry("_dd.p.dm", "-0");
    assertThat(span.metrics()).containsEntry("_sampling_priority_v1", 1.0);
  }

  @Test
  void encode_addsDdTagsUnlessTheSpanSetsItsOwn() {
    CoreTracer tagged =
        new CoreTracer(
            new TracerConfig(
                "cafe",
                "workshop",
                null,
                "localhost",
                8126,
                Map.of("team", "coffee", "region", "eu"),
                TracerConfig.DEFAULT_STYLES,
                TracerConfig.DEFAULT_STYLES,
                SamplingConfig.AGENT_RATES,
                true,
                true,
                1000,
                false),
            writer,
            time);

    tagged.trace("op").setTag("region", "us").close();

    SpanData span = writer.spans().get(0);
    assertThat(span.meta())
        .containsEntry("team", "coffee")
        .containsEntry("region", "us")
        .containsEntry("env", "workshop");
  }

  @Test
  void encode_handlesLongStringsLargeMapsAndUnicode() {
    Map<String, String> meta = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      meta.put("key" + i, "value" + i);
    }
    meta.put("error.stack", "x".repeat(70_000));
    meta.put("medium", "y".repeat(300));
    meta.put("short", "z".repeat(40));
    meta.put("unicode", "ïpa ☕");
    meta.put("ключ", "значение");
    CoreSpan span = tracer.trace("op");
    meta.forEach(span::setTag);
    span.close();

    SpanData decoded = SpanData.decode(InMemoryWriter.encode(writer.writtenChunks())).get(0).get(0);

    assertThat(decoded.meta()).containsAllEntriesOf(meta).hasSize(meta.size() + 4);
  }

  @Test
  void encode_writesEmptyPayloadAsEmptyArray() {
    assertThat(InMemoryWriter.encode(List.of())).containsExactly(0x90);
  }

  /** Reads one map, checking that no key appears twice. */
  private static Map<String, Value> unpackMap(MessageUnpacker in) throws IOException {
    Map<String, Value> map = new LinkedHashMap<>();
    int size = in.unpackMapHeader();
    for (int i = 0; i < size; i++) {
      Value key = in.unpackValue();
      Value value = in.unpackValue();
      if (value.isMapValue()) {
        assertThat(value.asMapValue().map()).hasSize(value.asMapValue().size());
      }
      map.put(key.asStringValue().asString(), value);
    }
    assertThat(map).hasSize(size);
    return map;
  }
}
