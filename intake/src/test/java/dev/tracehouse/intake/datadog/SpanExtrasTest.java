package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.intake.Fixtures;
import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.model.Span;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Native v0.4 span links and events end up in meta in dd-trace-js's JSON form. */
class SpanExtrasTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DatadogV04Decoder decoder = new DatadogV04Decoder();

  private Span decodeOne(RawMsgpack payload) {
    return decoder.decode(payload.buffer()).get(0);
  }

  @Test
  void nativeEventsFixture_looksLikeTheMetaEventsOfThePlainFixture() throws Exception {
    JsonNode nativeForm = eventsOf(Path.of("dd-trace-js", "v04-traces-native-span-events.msgpack"));
    JsonNode metaForm = eventsOf(Path.of("dd-trace-js", "v04-traces.msgpack"));

    assertThat(nativeForm).hasSize(1);
    assertThat(fieldNames(nativeForm.get(0))).isEqualTo(fieldNames(metaForm.get(0)));
    assertThat(nativeForm.get(0).get("name")).isEqualTo(metaForm.get(0).get("name"));
    assertThat(nativeForm.get(0).get("attributes")).isEqualTo(metaForm.get(0).get("attributes"));
    assertThat(nativeForm.get(0).get("time_unix_nano").isIntegralNumber()).isTrue();
    assertThat(nativeForm.get(0).get("time_unix_nano").asLong())
        .isEqualTo((long) 1.7956213634062774e18);
  }

  @Test
  void decode_nativeLinks_becomeMetaSpanLinksInTheFixtureForm() throws Exception {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(1).str("span_links");
    p.fixArray(2).fixMap(6).str("trace_id").uint64(0x755b719d78e7a3c1L);
    p.str("trace_id_high").uint64(0x6b0701d700000000L).str("span_id").uint64(0x33b1516664a58ea4L);
    p.str("attributes").fixMap(1).str("link.reason").str("compared-with");
    p.str("flags").uint32(0x8000_0001L).str("tracestate").str("dd=s:1");
    p.fixMap(2).str("trace_id").posFixInt(1).str("span_id").posFixInt(2);

    String links = decodeOne(p).meta().get("_dd.span_links");

    assertThat(links)
        .isEqualTo(
            "[{\"trace_id\":\"6b0701d700000000755b719d78e7a3c1\",\"span_id\":\"33b1516664a58ea4\","
                + "\"attributes\":{\"link.reason\":\"compared-with\"},\"flags\":1,"
                + "\"tracestate\":\"dd=s:1\"},"
                + "{\"trace_id\":\"00000000000000000000000000000001\","
                + "\"span_id\":\"0000000000000002\"}]");
    JsonNode fixtureLink = JSON.readTree(metaOf("v04-traces.msgpack", "_dd.span_links")).get(0);
    assertThat(fieldNames(JSON.readTree(links).get(0)))
        .containsSubsequence(fieldNames(fixtureLink));
  }

  @Test
  void decode_nativeEventAttributesOfEveryType_becomePlainJsonValues() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(1).str("span_events");
    p.fixArray(1).fixMap(3).str("name").str("e").str("time_unix_nano").uint64(5);
    p.str("attributes").fixMap(7);
    p.str("s").fixMap(2).str("type").posFixInt(0).str("string_value").str("x");
    p.str("b").fixMap(2).str("type").posFixInt(1).str("bool_value").bool(true);
    p.str("i").fixMap(2).str("type").posFixInt(2).str("int_value").int8(-3);
    p.str("d").fixMap(2).str("type").posFixInt(3).str("double_value").float64(1.5);
    p.str("a").fixMap(2).str("type").posFixInt(4).str("array_value").fixMap(1).str("values");
    p.fixArray(2).fixMap(2).str("type").posFixInt(2).str("int_value").posFixInt(7);
    p.fixMap(2).str("type").posFixInt(0).str("string_value").str("y");
    p.str("zero").fixMap(1).str("type").posFixInt(2);
    p.str("plain").str("as is");

    assertThat(decodeOne(p).meta().get("events"))
        .isEqualTo(
            "[{\"name\":\"e\",\"time_unix_nano\":5,\"attributes\":{\"s\":\"x\",\"b\":true,"
                + "\"i\":-3,\"d\":1.5,\"a\":[7,\"y\"],\"zero\":0,\"plain\":\"as is\"}}]");
  }

  @Test
  void decode_nativeAndMetaForms_areAppendedIntoOneArray() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(2);
    p.str("span_events").fixArray(1).fixMap(1).str("name").str("native");
    p.str("meta").fixMap(2).str("events").str8("[{\"name\":\"sent\",\"time_unix_nano\":1}]");
    p.str("_dd.span_links").str("not json");

    Span span = decodeOne(p);

    assertThat(span.meta().get("events"))
        .isEqualTo(
            "[{\"name\":\"sent\",\"time_unix_nano\":1},{\"name\":\"native\",\"time_unix_nano\":0}]");
    assertThat(span.meta().get("_dd.span_links")).isEqualTo("not json");
  }

  @Test
  void decode_emptyOrNilNativeFields_addNoMeta() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(2);
    p.str("span_links").nil().str("span_events").fixArray(0);

    assertThat(decodeOne(p).meta()).isEmpty();
  }

  @Test
  void decode_badlyShapedNativeFields_areMalformedNamingThePath() {
    RawMsgpack notArray = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(1);
    notArray.str("span_links").fixMap(0);
    RawMsgpack stringId = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(1);
    stringId.str("span_links").fixArray(1).fixMap(1).str("span_id").str("12");
    RawMsgpack badType = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(1);
    badType.str("span_events").fixArray(1).fixMap(1).str("attributes").fixMap(1).str("k");
    badType.fixMap(1).str("type").posFixInt(9);

    assertThatThrownBy(() -> decodeOne(notArray))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("field 'span_links': span_links: expected an array, got map");
    assertThatThrownBy(() -> decodeOne(stringId))
        .hasMessageContaining("span_links[0].span_id: expected an integer of at most 64 bits");
    assertThatThrownBy(() -> decodeOne(badType))
        .hasMessageContaining("span_events[0].attributes.k.type: expected 0..4, got 9");
  }

  @Test
  void decode_deeplyNestedNativeField_isMalformedNotAStackOverflow() {
    RawMsgpack p = RawMsgpack.create().fixArray(1).fixArray(1).fixMap(1).str("span_events");
    for (int i = 0; i < 5000; i++) {
      p.fixArray(1);
    }
    p.nil();

    assertThatThrownBy(() -> decodeOne(p))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("nested too deeply");
  }

  private JsonNode eventsOf(Path fixture) throws Exception {
    String events = null;
    Span sip = findSip(Fixtures.dir().resolve(fixture));
    events = sip.meta().get("events");
    assertThat(events).as("meta events of " + fixture).isNotNull();
    return JSON.readTree(events);
  }

  private Span findSip(Path payload) {
    return decoder.decode(ByteBuffer.wrap(Fixtures.read(payload))).stream()
        .filter(s -> s.resource().equals("sip kenya"))
        .findFirst()
        .orElseThrow();
  }

  private String metaOf(String fixture, String key) {
    return decoder
        .decode(ByteBuffer.wrap(Fixtures.read(Fixtures.dir().resolve("dd-trace-js/" + fixture))))
        .stream()
        .filter(s -> s.meta().containsKey(key))
        .findFirst()
        .orElseThrow()
        .meta()
        .get(key);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
