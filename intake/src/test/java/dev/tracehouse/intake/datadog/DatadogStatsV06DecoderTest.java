package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.model.ClientStatsPayload;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatadogStatsV06DecoderTest {
  private final DatadogStatsV06Decoder decoder = new DatadogStatsV06Decoder();

  /**
   * A payload with Stats before Env/Version/Hostname and one row whose fields come from rowTail.
   */
  private static ByteBuffer payload(int rowKeys, UnaryOperator<StatsPayloadWriter> rowTail) {
    StatsPayloadWriter w = StatsPayloadWriter.create().map(5).str("Stats").array(1);
    w.map(3).entry("Start", 1_700_000_000_000_000_000L).entry("Duration", 10_000_000_000L);
    w.str("Stats").array(1).map(rowKeys);
    rowTail.apply(w);
    return w.entry("Env", "prod")
        .entry("Version", "2.0")
        .entry("Hostname", "h1")
        .str("Unknown")
        .map(1)
        .entry("nested", 1)
        .toBuffer();
  }

  @Test
  void decode_statsBeforeEnv_groupsCarryPayloadEnvVersionHost() {
    byte[] ok = StatsPayloadWriter.protoSketch(1_000, 2_000, 3_000);
    ByteBuffer body =
        payload(
            12,
            w ->
                w.entry("Service", "web")
                    .entry("Name", "http.request")
                    .entry("Resource", "GET /")
                    .str("Type")
                    .nil()
                    .entry("HTTPStatusCode", 200)
                    .entry("SpanKind", "server")
                    .entry("IsTraceRoot", 1)
                    .str("Synthetics")
                    .bool(true)
                    .entry("Hits", 4)
                    .entry("Errors", 1)
                    .str("OkSummary")
                    .bin(ok)
                    .str("PeerTags")
                    .array(1)
                    .str("peer.service:db"));

    ClientStatsPayload payload = decoder.decode(body);

    assertThat(payload.env()).isEqualTo("prod");
    assertThat(payload.buckets())
        .singleElement()
        .satisfies(b -> assertThat(b.start()).isEqualTo(1_700_000_000_000_000_000L));
    StatsGroup group = payload.buckets().get(0).groups().get(0);
    assertThat(group.key())
        .isEqualTo(
            new StatsKey(
                "prod",
                "web",
                "http.request",
                "GET /",
                "",
                200,
                "2.0",
                "h1",
                true,
                "server",
                StatsKey.TraceRoot.YES));
    assertThat(group.hits()).isEqualTo(4);
    assertThat(group.errors()).isEqualTo(1);
    assertThat(group.errorSketch().isEmpty()).isTrue();
    DDSketch sketch = DatadogStatsV06DecoderGoldenTest.decode(group.okSketch());
    assertThat(sketch.getCount()).isEqualTo(3);
    assertThat(sketch.getMaxValue()).isBetween(2_970.0, 3_030.0);
  }

  @Test
  void decode_floatCounts_areTruncatedNumbers() {
    ClientStatsPayload payload =
        decoder.decode(payload(2, w -> w.str("Hits").dbl(3.0).str("Duration").dbl(1.5e9)));

    StatsGroup group = payload.buckets().get(0).groups().get(0);
    assertThat(group.hits()).isEqualTo(3);
    assertThat(group.durationSum()).isEqualTo(1.5e9);
    assertThat(group.key().traceRoot()).isEqualTo(StatsKey.TraceRoot.UNSET);
  }

  static Stream<Arguments> badPayloads() {
    return Stream.of(
        Arguments.of("negative hits", payload(1, w -> w.entry("Hits", -1)), "Hits"),
        Arguments.of("NaN duration", payload(1, w -> w.str("Duration").dbl(Double.NaN)), "finite"),
        Arguments.of("trace root 5", payload(1, w -> w.entry("IsTraceRoot", 5)), "IsTraceRoot"),
        Arguments.of("status 1000", payload(1, w -> w.entry("HTTPStatusCode", 1000)), "0-999"),
        Arguments.of(
            "truncated sketch",
            payload(1, w -> w.str("OkSummary").bin(new byte[] {0x0a, 0x09, 0x09, 1})),
            "OkSummary: bad sketch"),
        Arguments.of(
            "sketch without mapping",
            payload(1, w -> w.str("ErrorSummary").bin(new byte[] {0x21, 0, 0, 0, 0, 0, 0, 0, 0})),
            "gamma"),
        Arguments.of("string hits", payload(1, w -> w.entry("Hits", "many")), "Hits"),
        Arguments.of(
            "zero bucket duration",
            StatsPayloadWriter.create().map(1).str("Stats").array(1).map(0).toBuffer(),
            "Stats[0].Duration"),
        Arguments.of("not a map", StatsPayloadWriter.create().array(0).toBuffer(), "a map"),
        Arguments.of(
            "trailing bytes", StatsPayloadWriter.create().map(0).num(1).toBuffer(), "after"),
        Arguments.of("empty body", ByteBuffer.allocate(0), "empty body"),
        Arguments.of(
            "huge array header",
            StatsPayloadWriter.create().map(1).str("Stats").array(1 << 30).toBuffer(),
            "truncated"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPayloads")
  void decode_badPayload_namesTheProblem(String name, ByteBuffer body, String message) {
    int length = body.remaining();

    assertThatThrownBy(() -> decoder.decode(body))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining(message)
        .satisfies(
            e -> assertThat(((MalformedPayloadException) e).offset()).isBetween(0L, (long) length));
  }
}
