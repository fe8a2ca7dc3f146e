package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
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

  private static SpanData span(long spanId, String type, Map<String, String> meta) {
    return new SpanData(
        -2L,
        spanId,
        0,
        "web.request",
        "cafe",
        "GET /menu",
        type,
        1_795_621_294_907_897_916L,
        4_396_684_435L,
        1,
        meta,
        Map.of("_sampling_priority_v1", 1.0, "peer.port", 18080.0));
  }

  @Test
  void encode_writesArrayOfChunksOfSpanMaps() throws IOException {
    byte[] body =
        V04Encoder.encode(
            List.of(List.of(span(7, "web", Map.of("env", "workshop")), span(8, null, Map.of()))));

    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(body)) {
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
      assertThat(first.get("span_id").asIntegerValue().asLong()).isEqualTo(7);
      assertThat(first.get("parent_id").asIntegerValue().asLong()).isZero();
      assertThat(first.get("name").asStringValue().asString()).isEqualTo("web.request");
      assertThat(first.get("resource").asStringValue().asString()).isEqualTo("GET /menu");
      assertThat(first.get("type").asStringValue().asString()).isEqualTo("web");
      assertThat(first.get("start").asIntegerValue().asLong())
          .isEqualTo(1_795_621_294_907_897_916L);
      assertThat(first.get("duration").asIntegerValue().asLong()).isEqualTo(4_396_684_435L);
      assertThat(first.get("error").asIntegerValue().asInt()).isEqualTo(1);
      assertThat(first.get("meta").toString()).isEqualTo("{\"env\":\"workshop\"}");
      assertThat(first.get("metrics").asMapValue().map()).hasSize(2);
      assertThat(second.get("type").getValueType()).isEqualTo(ValueType.NIL);
    }
  }

  @Test
  void encode_writesIdsAsUint64AndMetricsAsFloat64() throws IOException {
    byte[] body = V04Encoder.encode(List.of(List.of(span(1, "web", Map.of()))));

    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(body)) {
      in.unpackArrayHeader();
      in.unpackArrayHeader();
      in.unpackMapHeader();
      assertThat(in.unpackString()).isEqualTo("trace_id");
      assertThat(in.getNextFormat()).isEqualTo(MessageFormat.UINT64);
    }
    Map<String, Value> decoded = decodeSingleSpan(body);
    Value port = decoded.get("metrics").asMapValue().map().values().iterator().next();
    assertThat(port.getValueType()).isEqualTo(ValueType.FLOAT);
  }

  @Test
  void encode_handlesLongStringsLargeMapsAndUnicode() throws IOException {
    Map<String, String> meta = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      meta.put("key" + i, "value" + i);
    }
    meta.put("error.stack", "x".repeat(70_000));
    meta.put("medium", "y".repeat(300));
    meta.put("short", "z".repeat(40));
    meta.put("unicode", "ïpa ☕");

    Map<String, Value> decoded =
        decodeSingleSpan(V04Encoder.encode(List.of(List.of(span(1, "web", meta)))));

    Map<String, String> decodedMeta = new HashMap<>();
    decoded
        .get("meta")
        .asMapValue()
        .map()
        .forEach(
            (k, v) -> decodedMeta.put(k.asStringValue().asString(), v.asStringValue().asString()));
    assertThat(decodedMeta).isEqualTo(meta);
  }

  @Test
  void encode_writesEmptyPayloadAsEmptyArray() {
    assertThat(V04Encoder.encode(List.of())).containsExactly(0x90);
  }

  private static Map<String, Value> decodeSingleSpan(byte[] body) throws IOException {
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(body)) {
      in.unpackArrayHeader();
      in.unpackArrayHeader();
      return unpackMap(in);
    }
  }

  private static Map<String, Value> unpackMap(MessageUnpacker in) throws IOException {
    Map<String, Value> map = new LinkedHashMap<>();
    int size = in.unpackMapHeader();
    for (int i = 0; i < size; i++) {
      map.put(in.unpackString(), in.unpackValue());
    }
    return map;
  }
}
