package dev.tracehouse.intake.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.intake.Fixtures;
import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.intake.SpanDecoder;
import dev.tracehouse.intake.internal.FuzzCases;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 100,000 mutated or random bodies per decoder (fixed seeds): the only exception that may escape is
 * {@link MalformedPayloadException}.
 */
class OtlpDecoderFuzzTest {
  private static final int CASES = 100_000;

  @Test
  void decode_protobufFuzz_throwsOnlyMalformedPayload() {
    List<byte[]> seeds = List.of(Fixtures.read(Fixtures.dir().resolve("otel-java/v1-traces.pb")));
    assertThat(run(new OtlpProtoDecoder(), seeds, false, 4318)).isGreaterThan(0);
  }

  @Test
  void decode_jsonFuzz_throwsOnlyMalformedPayload() throws IOException {
    List<byte[]> seeds =
        List.of(
            minified("otel-java/v1-traces.decoded.json"),
            minified("dd-trace-js/otlp-json-traces-1.json"),
            minified("dd-trace-js/otlp-json-traces-2.json"));
    assertThat(run(new OtlpJsonDecoder(), seeds, true, 4317)).isGreaterThan(0);
  }

  /** The fixture without its indentation, so that each case parses fewer bytes. */
  private static byte[] minified(String fixture) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    return mapper.writeValueAsBytes(
        mapper.readTree(Fixtures.read(Fixtures.dir().resolve(fixture))));
  }

  /** Runs the cases; returns how many were rejected as malformed. */
  static int run(SpanDecoder decoder, List<byte[]> seeds, boolean json, long seed) {
    Random random = new Random(seed);
    int malformed = 0;
    for (int i = 0; i < CASES; i++) {
      byte[] body = FuzzCases.next(random, seeds, json);
      try {
        decoder.decode(ByteBuffer.wrap(body));
      } catch (MalformedPayloadException e) {
        malformed++;
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("case " + i + " escaped with " + e, e);
      }
    }
    return malformed;
  }
}
