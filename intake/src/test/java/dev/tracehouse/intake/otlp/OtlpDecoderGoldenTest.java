package dev.tracehouse.intake.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.intake.Fixtures;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The captured OTLP payloads: OTel Java's protobuf (and its JSON rendering, which must decode to
 * the same spans) and dd-trace-js's OTLP/JSON, checked against what the same programs sent over the
 * Datadog protocol.
 */
class OtlpDecoderGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OtlpProtoDecoder proto = new OtlpProtoDecoder();
  private final OtlpJsonDecoder json = new OtlpJsonDecoder();

  private static Path otel(String name) {
    return Fixtures.dir().resolve("otel-java").resolve(name);
  }

  private static List<Span> decode(dev.tracehouse.intake.SpanDecoder decoder, Path file) {
    return decoder.decode(ByteBuffer.wrap(Fixtures.read(file)));
  }

  private static Map<String, Span> byResource(List<Span> spans) {
    return spans.stream().collect(Collectors.toMap(Span::resource, s -> s, (a, b) -> a));
  }

  @Test
  void decode_protobufAndItsJsonRendering_giveExactlyTheSameSpans() {
    List<Span> fromProto = decode(proto, otel("v1-traces.pb"));
    List<Span> fromJson = decode(json, otel("v1-traces.decoded.json"));

    assertThat(fromProto).hasSize(6);
    assertThat(fromJson).isEqualTo(fromProto);
  }

  @Test
  void decode_otelJava_mapsResourceIdsAndTimes() {
    Span brew = byResource(decode(proto, otel("v1-traces.pb"))).get("Main.brew");

    assertThat(brew.service()).isEqualTo("cafe");
    assertThat(brew.meta())
        .containsEntry("env", "workshop")
        .containsEntry("version", "1.2.3")
        .containsEntry("span.kind", "internal")
        .containsEntry("host.name", "vm")
        .containsEntry("code.function", "brew")
        .containsEntry("otel.scope.name", "io.opentelemetry.external-annotations")
        .containsEntry("_dd.p.tid", "740b5d7e77db151e")
        .doesNotContainKey("service.name");
    assertThat(brew.meta().get("process.command_args")).startsWith("[\"/usr/lib/jvm/");
    assertThat(brew.traceId()).isEqualTo(TraceId.parse("740b5d7e77db151ee03a4ef566c770f7"));
    assertThat(brew.spanId()).isEqualTo(Long.parseUnsignedLong("ebe9df9a469d9abc", 16));
    assertThat(brew.parentId()).isEqualTo(Long.parseUnsignedLong("8728cbba36791166", 16));
    assertThat(brew.start()).isEqualTo(1795621409348764161L);
    assertThat(brew.duration()).isEqualTo(1795621409355244191L - 1795621409348764161L);
    assertThat(brew.name()).isEqualTo("internal");
    assertThat(brew.type()).isEmpty();
    assertThat(brew.error()).isFalse();
    assertThat(brew.metrics()).containsEntry("thread.id", 1.0).containsKey("process.pid");
  }

  @Test
  void decode_otelJava_namesHttpClientSpansAndKeepsRootsParentless() {
    List<Span> spans = decode(proto, otel("v1-traces.pb"));

    assertThat(spans)
        .filteredOn(s -> s.meta().get("span.kind").equals("client"))
        .extracting(Span::name, Span::resource, Span::type)
        .containsExactlyInAnyOrder(
            tuple("http.client.request", "GET", "http"),
            tuple("http.client.request", "POST", "http"));
    assertThat(spans)
        .filteredOn(Span::isRoot)
        .extracting(Span::resource)
        .containsExactlyInAnyOrder("Main.handleOrder", "Main.handleRefund");
    Span get = byResource(spans).get("GET");
    assertThat(get.metrics()).containsEntry("http.response.status_code", 200.0);
    assertThat(get.meta())
        .containsEntry("url.full", "http://127.0.0.1:18080/menu?client=jdk-httpclient");
  }

  @Test
  void decode_otelJavaErrorSpan_takesErrorTagsFromTheExceptionEvent() {
    Span failing = byResource(decode(proto, otel("v1-traces.pb"))).get("Main.brewFailing");

    assertThat(failing.error()).isTrue();
    assertThat(failing.meta())
        .containsEntry("error.type", "java.lang.IllegalStateException")
        .containsEntry("error.message", "no espresso today")
        .containsEntry("otel.status_code", "Error");
    assertThat(failing.meta().get("error.stack")).contains("Caused by: java.io.IOException");
    assertThat(failing.meta().get("events"))
        .startsWith("[{\"name\":\"exception\",\"time_unix_nano\":1795621410151517201,");
  }

  @Test
  void decode_ddTraceJsOtlp_givesTheSpansTheSameProgramSentOverV04() throws IOException {
    List<Span> spans = ddTraceJsSpans();
    List<Object> fromV04 = new ArrayList<>();
    for (JsonNode chunk :
        JSON.readTree(Fixtures.dir().resolve("dd-trace-js/v04-traces.decoded.json").toFile())) {
      for (JsonNode s : chunk) {
        fromV04.add(
            tuple(
                s.get("service").asText(),
                s.get("name").asText(),
                s.get("resource").asText(),
                s.hasNonNull("type") ? s.get("type").asText() : "",
                s.get("error").asInt() == 1));
      }
    }

    assertThat(spans)
        .extracting(Span::service, Span::name, Span::resource, Span::type, Span::error)
        .containsExactlyInAnyOrderElementsOf(
            fromV04.stream().map(t -> (org.assertj.core.groups.Tuple) t).toList());
  }

  @Test
  void decode_ddTraceJsOtlp_keepsDatadogTagsEventsAndLinks() {
    Map<String, Span> spans = byResource(ddTraceJsSpans());

    Span spit = spans.get("spit robusta");
    assertThat(spit.meta())
        .containsEntry("error.message", "too bitter")
        .containsEntry("error.type", "TypeError")
        .containsEntry("otel.status_description", "TypeError: too bitter");
    assertThat(spit.metrics()).containsEntry("_sampling_priority_v1", 2.0);
    assertThat(spans.get("sip kenya").meta())
        .containsEntry(
            "events",
            "[{\"name\":\"cup.cooled\",\"time_unix_nano\":1795621391857323800,"
                + "\"attributes\":{\"temperature.c\":55,\"note\":\"bright acidity\"}}]")
        .doesNotContainKey("span.kind");
    assertThat(spans.get("sip yirgacheffe").meta())
        .containsEntry(
            "_dd.span_links",
            "[{\"trace_id\":\"6b07020f000000005eabb1ff9722f53b\",\"span_id\":\"48a4f370de23ddb8\","
                + "\"attributes\":{\"link.reason\":\"compared-with\"},\"flags\":1}]");
    Span session = spans.get("tasting flight");
    assertThat(session.meta())
        .containsEntry("_dd.p.dm", "-3")
        .containsEntry("_dd.p.tid", "6b07020f00000000");
    assertThat(session.metrics())
        .containsEntry("flight.size", 3.0)
        .containsEntry("_dd.top_level", 1.0);
    assertThat(session.start()).isEqualTo(1795621391857003000L);
  }

  private static List<Span> ddTraceJsSpans() {
    List<Span> spans = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      spans.addAll(
          decode(
              new OtlpJsonDecoder(),
              Fixtures.dir().resolve("dd-trace-js/otlp-json-traces-" + i + ".json")));
    }
    return spans;
  }
}
