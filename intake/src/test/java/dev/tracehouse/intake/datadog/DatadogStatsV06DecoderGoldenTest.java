package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.intake.Fixtures;
import dev.tracehouse.model.ClientStatsPayload;
import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every captured {@code /v0.6/stats} body decodes to what its {@code .decoded.json} shows. */
class DatadogStatsV06DecoderGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DatadogStatsV06Decoder decoder = new DatadogStatsV06Decoder();

  @ParameterizedTest
  @ValueSource(strings = {"dd-java-agent/v06-stats.msgpack", "dd-trace-js/v06-stats.msgpack"})
  void decode_fixture_matchesDecodedJson(String fixture) throws IOException {
    Path payload = Fixtures.dir().resolve(fixture);
    JsonNode expected = JSON.readTree(Fixtures.sibling(payload, ".decoded.json").toFile());

    ClientStatsPayload actual = decoder.decode(ByteBuffer.wrap(Fixtures.read(payload)));

    assertThat(actual.hostname()).isEqualTo(expected.path("Hostname").asText());
    assertThat(actual.env()).isEqualTo(expected.path("Env").asText());
    assertThat(actual.version()).isEqualTo(expected.path("Version").asText());
    assertThat(actual.service()).isEqualTo(expected.path("Service").asText());
    assertThat(actual.lang()).isEqualTo(expected.path("Lang").asText());
    assertThat(actual.runtimeId()).isEqualTo(expected.path("RuntimeID").asText());
    assertThat(actual.sequence()).isEqualTo(expected.path("Sequence").asLong());
    JsonNode buckets = expected.path("Stats");
    assertThat(actual.buckets()).hasSize(buckets.size());
    for (int b = 0; b < buckets.size(); b++) {
      checkBucket(actual, actual.buckets().get(b), buckets.get(b));
    }
  }

  private static void checkBucket(ClientStatsPayload payload, StatsBucket bucket, JsonNode json) {
    assertThat(bucket.start()).isEqualTo(json.path("Start").bigIntegerValue().longValueExact());
    assertThat(bucket.duration()).isEqualTo(json.path("Duration").asLong());
    JsonNode rows = json.path("Stats");
    assertThat(bucket.groups()).hasSize(rows.size());
    for (int g = 0; g < rows.size(); g++) {
      JsonNode row = rows.get(g);
      StatsGroup group = bucket.groups().get(g);
      StatsKey.TraceRoot root =
          switch (row.path("IsTraceRoot").asInt()) {
            case 1 -> StatsKey.TraceRoot.YES;
            case 2 -> StatsKey.TraceRoot.NO;
            default -> StatsKey.TraceRoot.UNSET;
          };
      StatsKey key =
          new StatsKey(
              payload.env(),
              row.path("Service").asText(),
              row.path("Name").asText(),
              row.path("Resource").asText(),
              row.path("Type").asText(),
              row.path("HTTPStatusCode").asInt(),
              payload.version(),
              payload.hostname(),
              row.path("Synthetics").asBoolean(),
              row.path("SpanKind").asText(),
              root);
      assertThat(group.key()).isEqualTo(key);
      assertThat(group.hits()).isEqualTo(row.path("Hits").asDouble());
      assertThat(group.errors()).isEqualTo(row.path("Errors").asDouble());
      assertThat(group.topLevelHits()).isEqualTo(row.path("TopLevelHits").asDouble());
      assertThat(group.durationSum()).isEqualTo(row.path("Duration").asDouble());
      checkSketches(group);
    }
  }

  /** Every captured row is one span: its sketch holds one value within 1 % of that duration. */
  private static void checkSketches(StatsGroup group) {
    DDSketch ok = decode(group.okSketch());
    DDSketch error = decode(group.errorSketch());
    assertThat(ok.getCount()).isEqualTo(group.hits() - group.errors());
    assertThat(error.getCount()).isEqualTo(group.errors());
    DDSketch filled = group.errors() > 0 ? error : ok;
    assertThat(group.hits()).isEqualTo(1);
    assertThat(filled.getValueAtQuantile(0.5))
        .as("%s", group.key())
        .isCloseTo(group.durationSum(), within(group.durationSum() * 0.01));
  }

  static DDSketch decode(EncodedSketch sketch) {
    if (sketch.isEmpty()) {
      return DDSketch.memoryOptimal(0.01);
    }
    try {
      return DDSketch.decode(ByteArrayInput.wrap(sketch.bytes()), UnboundedSizeDenseStore::new);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
